import type { TPositionStance, TStance } from "./types";

/** One word per position, used by every view and export ("Supports", "Silent"). */
export const STANCE_LABEL: Record<TPositionStance, string> = {
  SUPPORTS: "Supports",
  OPPOSES: "Opposes",
  MIXED: "Mixed",
  QUALIFIES: "Qualifies",
  SILENT: "Silent",
};

/** What a passage does to a claim, in running text ("supports", "opposes", "qualifies"). */
export const STANCE_VERB: Record<TStance, string> = { SUPPORTS: "supports", OPPOSES: "opposes", QUALIFIES: "qualifies" };
