import type { TVoteChoice } from "@/lib/domain/types";

export const CHOICE_LABEL: Record<TVoteChoice, string> = { AGREE: "Agree", DISAGREE: "Disagree", UNSURE: "Unsure" };

/** The same shapes and colours as the authors' stances, so "the room vs the authors" reads at a glance. */
export const CHOICE_ICON: Record<TVoteChoice, string> = { AGREE: "✓", DISAGREE: "✕", UNSURE: "?" };

export const CHOICE_BAR_CLASS: Record<TVoteChoice, string> = { AGREE: "bg-supports", DISAGREE: "bg-opposes", UNSURE: "bg-slate-400 dark:bg-slate-500" };

export const CHOICE_PRESSED_CLASS: Record<TVoteChoice, string> = {
  AGREE: "aria-pressed:border-supports aria-pressed:bg-supports aria-pressed:text-slate-950",
  DISAGREE: "aria-pressed:border-opposes aria-pressed:bg-opposes aria-pressed:text-slate-950",
  UNSURE: "aria-pressed:border-slate-500 aria-pressed:bg-slate-300 aria-pressed:text-slate-950",
};
