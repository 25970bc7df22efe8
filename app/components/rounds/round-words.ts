import type { TRoundAnswer } from "@/lib/domain/coding-agreement";

/** Each answer's word, sign and colour, as everywhere else in the app (never colour alone). */
export const ANSWER_LABEL: Record<TRoundAnswer, string> = { SUPPORTS: "Supports", OPPOSES: "Opposes", QUALIFIES: "Qualifies", NOT_RELEVANT: "Not relevant" };
export const ANSWER_SIGN: Record<TRoundAnswer, string> = { SUPPORTS: "+", OPPOSES: "−", QUALIFIES: "~", NOT_RELEVANT: "∅" };
export const ANSWER_PRESSED: Record<TRoundAnswer, string> = {
  SUPPORTS: "aria-pressed:border-supports aria-pressed:bg-supports aria-pressed:text-slate-950",
  OPPOSES: "aria-pressed:border-opposes aria-pressed:bg-opposes aria-pressed:text-slate-950",
  QUALIFIES: "aria-pressed:border-qualifies aria-pressed:bg-qualifies aria-pressed:text-slate-950",
  NOT_RELEVANT: "aria-pressed:border-slate-500 aria-pressed:bg-slate-500 aria-pressed:text-white",
};
export const ANSWER_BAR: Record<TRoundAnswer, string> = { SUPPORTS: "bg-supports", OPPOSES: "bg-opposes", QUALIFIES: "bg-qualifies", NOT_RELEVANT: "bg-slate-400" };
export const ANSWER_CHIP: Record<TRoundAnswer, string> = { SUPPORTS: "chip chip-supports", OPPOSES: "chip chip-opposes", QUALIFIES: "chip chip-qualifies", NOT_RELEVANT: "chip chip-silent" };

/** How a statistic reads to a seminar: Krippendorff's own bands for alpha. */
export function describeAlpha(alpha: number | null): string {
  if (alpha === null) return "Not enough answers to measure agreement (it needs two coders on an item).";
  if (alpha >= 0.8) return "Reliable: the room codes these passages alike.";
  if (alpha >= 0.667) return "Tentative agreement: usable with care.";
  return "Low agreement: the passages, the claims or the categories are read differently.";
}

export const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)} %`);
