import type { TPositionStance, TVoice } from "../domain/types";

/**
 * How graph edges look, by stance. Colour alone is not enough (colour-blind readers, grayscale
 * print), so each stance also has its own line: supports solid, opposes dashed, qualifies dotted.
 * The colours are the Okabe–Ito ones of the theme (app/globals.css), as hex because SVG strokes
 * are drawn from inline styles.
 */
export interface TEdgeLook {
  colour: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash: string | undefined;
  /** In words, for the legend and for assistive technology. */
  line: string;
}

export const EDGE_LOOK: Record<TPositionStance, TEdgeLook> = {
  SUPPORTS: { colour: "#009e73", dash: undefined, line: "solid line" },
  OPPOSES: { colour: "#d55e00", dash: "9 6", line: "dashed line" },
  QUALIFIES: { colour: "#cc79a7", dash: "1.5 5", line: "dotted line" },
  // Only in the per-author summary of large maps: an author on both sides of a claim.
  MIXED: { colour: "#64748b", dash: "12 5 2 5", line: "dash-dot line" },
  // Per-author summary where all of the author's evidence is REPORTED (no position of their own).
  SILENT: { colour: "#94a3b8", dash: "1.5 5", line: "thin grey dotted line" },
};

/** Stroke widths: the author's own voice drawn bold, a REPORTED view thin; links between claims boldest. */
export const EDGE_WIDTH = { author: 2.25, reported: 1.25, link: 3 } as const;

export function evidenceWidth(voice: TVoice): number {
  return voice === "REPORTED" ? EDGE_WIDTH.reported : EDGE_WIDTH.author;
}
