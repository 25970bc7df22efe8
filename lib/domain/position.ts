import type { TPositionStance, TStance, TVoice } from "./types";

export interface TStancedEvidence {
  stance: TStance;
  voice: TVoice;
  /** How many links this item stands for (when counts come pre-grouped); 1 by default. */
  count?: number;
}

export interface TExplicitPosition {
  stance: TPositionStance;
  note?: string | null;
  /** The hand-set row's version, sent back by whoever edits or clears it. */
  version?: number;
}

export interface TResolvedPosition {
  stance: TPositionStance;
  /** Every evidence link of the author on the claim, REPORTED ones included. */
  evidenceCount: number;
  /** True when a member set the position by hand; it then wins over the derived one. */
  explicit: boolean;
  /** What the evidence alone says, kept so the UI can show an override next to it. */
  derived: TPositionStance;
  note: string | null;
  /** Version of the hand-set position (null when derived). */
  version: number | null;
}

/**
 * An author's position on a claim from their evidence. Only AUTHOR-voice evidence counts: an
 * author who reports someone else's view has not taken it. None → SILENT; both SUPPORTS and
 * OPPOSES → MIXED; otherwise SUPPORTS if any supports, OPPOSES if any opposes, else QUALIFIES.
 */
export function derivePosition(evidence: readonly TStancedEvidence[]): TPositionStance {
  let supports = false;
  let opposes = false;
  let qualifies = false;
  for (const item of evidence) {
    if (item.voice !== "AUTHOR") continue;
    if (item.stance === "SUPPORTS") supports = true;
    else if (item.stance === "OPPOSES") opposes = true;
    else qualifies = true;
  }
  if (supports && opposes) return "MIXED";
  if (supports) return "SUPPORTS";
  if (opposes) return "OPPOSES";
  if (qualifies) return "QUALIFIES";
  return "SILENT";
}

/** The position shown for an author on a claim: an explicit one wins and is marked as such. */
export function resolvePosition(evidence: readonly TStancedEvidence[], explicit?: TExplicitPosition | null): TResolvedPosition {
  const derived = derivePosition(evidence);
  return {
    stance: explicit ? explicit.stance : derived,
    evidenceCount: evidence.reduce((sum, item) => sum + (item.count ?? 1), 0),
    explicit: Boolean(explicit),
    derived,
    note: explicit?.note ?? null,
    version: explicit?.version ?? null,
  };
}
