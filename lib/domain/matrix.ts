import { controversyOf, type TControversy } from "./controversy";
import { resolvePosition, type TExplicitPosition, type TResolvedPosition } from "./position";
import type { TPublished } from "./dates";
import type { TStance, TVoice } from "./types";

export interface TMatrixAuthorInput {
  id: string;
  name: string;
  shortName: string;
  /** Publication dates of the author's sources, as "YYYY[-MM[-DD]]". */
  published: TPublished[];
}

export interface TMatrixClaimInput {
  id: string;
  text: string;
  tags: string[];
  rank: number;
}

export interface TMatrixEvidenceInput {
  claimId: string;
  authorId: string;
  stance: TStance;
  voice: TVoice;
  count?: number;
}

/** Live comments on a claim (`authorId` null) or on the evidence of one cell (claim, author). */
export interface TMatrixCommentInput {
  claimId: string;
  authorId: string | null;
  count: number;
}

export interface TMatrixExplicitInput extends TExplicitPosition {
  claimId: string;
  authorId: string;
}

export interface TMatrixAuthor {
  id: string;
  name: string;
  shortName: string;
  /** The earliest of the author's sources. */
  published: TPublished | null;
}

export interface TMatrixClaim {
  id: string;
  text: string;
  tags: string[];
  positions: Record<string, TResolvedPosition>;
  /** How far the authors' positions (hand-set ones included) split between supporting and opposing. */
  controversy: TControversy;
  /** When comments were counted: those on the claim itself, and those on each cell's evidence (cells without any left out). */
  comments?: { claim: number; byAuthor: Record<string, number> };
}

export interface TMatrix {
  authors: TMatrixAuthor[];
  claims: TMatrixClaim[];
}

/**
 * Compares two partial ISO dates so that an earlier "2022" sorts before "2022-09": a date known
 * only to the year is placed at the start of that year.
 */
function comparePublished(a: TPublished | null, b: TPublished | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Orders authors by their earliest source (undated last), then by name. */
export function orderAuthors(authors: readonly TMatrixAuthorInput[]): TMatrixAuthor[] {
  return authors
    .map((a) => ({ id: a.id, name: a.name, shortName: a.shortName, published: [...a.published].sort()[0] ?? null }))
    .sort((a, b) => comparePublished(a.published, b.published) || a.shortName.localeCompare(b.shortName));
}

/** Builds the claims × authors matrix: every cell resolved from evidence and explicit positions. */
export function buildMatrix(input: {
  authors: readonly TMatrixAuthorInput[];
  claims: readonly TMatrixClaimInput[];
  evidence: readonly TMatrixEvidenceInput[];
  explicit: readonly TMatrixExplicitInput[];
  comments?: readonly TMatrixCommentInput[];
}): TMatrix {
  const authors = orderAuthors(input.authors);
  const byCell = new Map<string, TMatrixEvidenceInput[]>();
  for (const item of input.evidence) {
    const key = `${item.claimId}:${item.authorId}`;
    const list = byCell.get(key);
    if (list) list.push(item);
    else byCell.set(key, [item]);
  }
  const explicit = new Map(input.explicit.map((p) => [`${p.claimId}:${p.authorId}`, p]));
  const comments = new Map<string, { claim: number; byAuthor: Record<string, number> }>();
  for (const c of input.comments ?? []) {
    const entry = comments.get(c.claimId) ?? { claim: 0, byAuthor: {} };
    if (c.authorId === null) entry.claim += c.count;
    else entry.byAuthor[c.authorId] = (entry.byAuthor[c.authorId] ?? 0) + c.count;
    comments.set(c.claimId, entry);
  }
  const claims = [...input.claims]
    .sort((a, b) => a.rank - b.rank)
    .map((claim) => {
      const positions = Object.fromEntries(
        authors.map((author) => {
          const key = `${claim.id}:${author.id}`;
          return [author.id, resolvePosition(byCell.get(key) ?? [], explicit.get(key))];
        }),
      );
      const row: TMatrixClaim = { id: claim.id, text: claim.text, tags: claim.tags, positions, controversy: controversyOf(Object.values(positions).map((p) => p.stance)) };
      if (input.comments) row.comments = comments.get(claim.id) ?? { claim: 0, byAuthor: {} };
      return row;
    });
  return { authors, claims };
}
