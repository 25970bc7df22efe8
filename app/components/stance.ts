import type { TPositionStance, TStance, TVoice } from "@/lib/domain/types";

/**
 * One look per stance, used by every view. Tailwind only generates classes it can see written
 * out in full, so each variant is spelled out here rather than assembled from parts.
 */
import { STANCE_LABEL } from "@/lib/domain/stance-words";

export { STANCE_LABEL };

/** A shape beside every label, so that stance never rests on colour alone. */
export const STANCE_ICON: Record<TPositionStance, string> = {
  SUPPORTS: "✓",
  OPPOSES: "✕",
  MIXED: "±",
  QUALIFIES: "~",
  SILENT: "○",
};

/**
 * Solid fills carry near-black text: on the Okabe–Ito colours it reads better than white
 * (about 6:1 against 3.5:1), which matters on a projector.
 */
export const POSITION_CHIP_CLASS: Record<TPositionStance, string> = {
  SUPPORTS: "chip-supports",
  OPPOSES: "chip-opposes",
  MIXED: "chip-mixed",
  QUALIFIES: "chip-qualifies",
  SILENT: "chip-silent",
};

export const STANCE_DOT_CLASS: Record<TStance, string> = {
  SUPPORTS: "bg-supports",
  OPPOSES: "bg-opposes",
  QUALIFIES: "bg-qualifies",
};

export const STANCE_BORDER_CLASS: Record<TStance, string> = {
  SUPPORTS: "border-supports",
  OPPOSES: "border-opposes",
  QUALIFIES: "border-qualifies",
};

/** How a highlighted passage looks: one stance, or several (neutral), or none linked yet. */
export type THighlightStyle = TStance | "MIXED" | "NONE";

export const HIGHLIGHT_CLASS: Record<THighlightStyle, string> = {
  SUPPORTS: "bg-supports-soft decoration-supports",
  OPPOSES: "bg-opposes-soft decoration-opposes",
  QUALIFIES: "bg-qualifies-soft decoration-qualifies",
  MIXED: "bg-slate-200 decoration-slate-500 dark:bg-slate-700 dark:decoration-slate-300",
  NONE: "bg-slate-100 decoration-slate-400 decoration-dashed dark:bg-slate-800",
};

export function highlightStyle(stances: readonly TStance[]): THighlightStyle {
  const distinct = new Set(stances);
  if (distinct.size === 0) return "NONE";
  if (distinct.size > 1) return "MIXED";
  return [...distinct][0];
}

/** "Supports: claim" for each link of a passage, for its tooltip and accessible label. */
export function describeEvidence(evidence: readonly { stance: TStance; voice: TVoice; claimText: string }[]): string {
  if (evidence.length === 0) return "Highlighted passage, not yet linked to a claim";
  return evidence
    .map((e) => `${STANCE_LABEL[e.stance]}${e.voice === "REPORTED" ? " (reported)" : ""}: ${e.claimText}`)
    .join("; ");
}

export function quoteCount(count: number): string {
  if (count === 0) return "No quotes";
  return count === 1 ? "1 quote" : `${count} quotes`;
}
