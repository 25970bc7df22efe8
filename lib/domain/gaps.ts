import type { TMatrix } from "./matrix";

export interface TSilentGap {
  claimId: string;
  claimText: string;
  /** Authors (in column order) who take no position on the claim. */
  authorIds: string[];
}

/**
 * Claims on which some authors say nothing, with those authors, in matrix order. A claim nobody
 * speaks on is listed too (every author silent): it is the largest gap of all.
 */
export function silentGaps(matrix: TMatrix): TSilentGap[] {
  const gaps: TSilentGap[] = [];
  for (const claim of matrix.claims) {
    const authorIds = matrix.authors.filter((a) => (claim.positions[a.id]?.stance ?? "SILENT") === "SILENT").map((a) => a.id);
    if (authorIds.length > 0) gaps.push({ claimId: claim.id, claimText: claim.text, authorIds });
  }
  return gaps;
}
