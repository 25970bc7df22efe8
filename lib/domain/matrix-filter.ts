import type { TMatrix, TMatrixClaim } from "./matrix";
import type { TPositionStance } from "./types";

export const MATRIX_SORTS = ["order", "controversy"] as const;
export type TMatrixSort = (typeof MATRIX_SORTS)[number];

export const CONTROVERSY_FILTERS = ["split", "one-sided"] as const;
export type TControversyFilter = (typeof CONTROVERSY_FILTERS)[number];

/** What the matrix's filter bar asks for; every part is optional and they combine with "and". */
export interface TMatrixFilter {
  tag?: string;
  /** With `stance`: that author holds it. Alone: that author takes a position (is not silent). */
  authorId?: string;
  /** Alone: at least one author holds it. */
  stance?: TPositionStance;
  /** split: someone supports and someone opposes; one-sided: at least one speaks and nobody is split. */
  controversy?: TControversyFilter;
  sort?: TMatrixSort;
}

/** True when the filter changes which rows show or their order (so the whole map must be read). */
export function isFiltering(filter: TMatrixFilter): boolean {
  return Boolean(filter.tag || filter.authorId || filter.stance || filter.controversy || (filter.sort && filter.sort !== "order"));
}

function speakers(claim: TMatrixClaim): number {
  return Object.values(claim.positions).filter((p) => p.stance !== "SILENT").length;
}

function matches(claim: TMatrixClaim, filter: TMatrixFilter): boolean {
  if (filter.tag && !claim.tags.includes(filter.tag)) return false;
  const positions = Object.entries(claim.positions);
  if (filter.authorId) {
    const stance = claim.positions[filter.authorId]?.stance ?? "SILENT";
    if (filter.stance ? stance !== filter.stance : stance === "SILENT") return false;
  } else if (filter.stance && !positions.some(([, p]) => p.stance === filter.stance)) {
    return false;
  }
  if (filter.controversy) {
    const { split } = claim.controversy;
    if (filter.controversy === "split" ? !split : split || speakers(claim) === 0) return false;
  }
  return true;
}

/**
 * The rows of a matrix that pass a filter, in the order asked for. Sorting by controversy puts
 * the most evenly split claims first; ties go to the claim more authors speak on, then to the
 * map's own order (so the sort is stable and predictable).
 */
export function filterMatrix<M extends TMatrix>(matrix: M, filter: TMatrixFilter): M {
  const claims = matrix.claims.filter((claim) => matches(claim, filter));
  if (filter.sort === "controversy") {
    const order = new Map(matrix.claims.map((c, i) => [c.id, i]));
    const score = new Map(claims.map((c) => [c.id, c.controversy.score]));
    const voices = new Map(claims.map((c) => [c.id, speakers(c)]));
    claims.sort((a, b) => score.get(b.id)! - score.get(a.id)! || voices.get(b.id)! - voices.get(a.id)! || order.get(a.id)! - order.get(b.id)!);
  }
  return { ...matrix, claims };
}
