import type { TPositionStance } from "../../domain/types";
import { EDGE_LOOK } from "../../graph/edge-style";

/**
 * The stance colours of the app (app/globals.css), for pictures and print: Okabe–Ito, told apart
 * by colour-blind readers, always drawn with a label and a mark as well. The same as the graph's
 * edges (lib/graph/edge-style.ts), where they are written once.
 */
export const STANCE_COLOUR = { SUPPORTS: EDGE_LOOK.SUPPORTS.colour, OPPOSES: EDGE_LOOK.OPPOSES.colour, QUALIFIES: EDGE_LOOK.QUALIFIES.colour } as const;

/** Marks drawn beside stance labels in exports (the font's glyphs: × for opposes). */
export const STANCE_MARK: Record<TPositionStance, string> = { SUPPORTS: "✓", OPPOSES: "×", MIXED: "±", QUALIFIES: "~", SILENT: "○" };

/** The authors' accent colours in column order, as the app's author badges (app/components/author-badge.tsx). */
export const ACCENTS = ["#0072b2", "#e69f00", "#56b4e9", "#6b7280", "#6366f1", "#a18a00", "#1e3a8a", "#8b5e34"];

export const accentAt = (index: number) => ACCENTS[index % ACCENTS.length];

export const INK = "#0f172a";
export const MUTED = "#64748b";
export const RULE = "#e2e8f0";
export const HEADER_FILL = "#f8fafc";
