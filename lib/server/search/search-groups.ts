import "server-only";
import type { TSourceAuthorColumns } from "../sources/source-columns";
import { formatPublished } from "../../domain/dates";
import { parseMarked, type TMark } from "../../domain/search";
import type { TDatePrecision } from "../../domain/types";

/** How full-text search found a group's results, or how they were found when it found none. */
export type TMatchKind = "words" | "similar";

export interface TSearchGroup<T> {
  /** Matches in the workspace (counted up to CANDIDATES; `capped` when there are more). */
  total: number;
  capped: boolean;
  /** "words": full-text search; "similar": nothing matched the words, these are like them. */
  match: TMatchKind;
  /** With `match: "similar"` on texts: the words searched instead of the ones typed. */
  corrected?: string;
  items: T[];
}

export interface TSearchSourceRef {
  id: string;
  title: string;
  published: string;
}

/** What every kind's search is given: the workspace, the query as normalised, how many to show. */
export interface TSearchContext {
  workspaceId: string;
  q: string;
  limit: number;
  /** The query's words corrected against the workspace's vocabulary (fetched once, if needed). */
  corrected: () => Promise<string | null>;
}

/**
 * Matches ranked per kind. A very common word matches thousands of excerpts and passages in a
 * large workspace; reading and ranking them all would take most of the search's time budget for
 * a query too vague to rank well anyway. So the first CANDIDATES matches the index yields are
 * ranked, and the count is shown as "1,000+" (a more specific query ranks every match).
 */
export const CANDIDATES = 1_000;
/** Characters of an excerpt or passage shown around its first match. */
export const FRAGMENT_LENGTH = 320;

/** A row of text found in a source (an excerpt or a passage), with its source and author. */
export type TTextRow = TSourceAuthorColumns & {
  id: string;
  text: string;
  start: number;
  end: number;
  sourceId: string;
  rank: number;
  total: number;
  marked: string | null;
};

/** The marks of a text that `ts_headline` marked (none when it was not asked to). */
export const marksOf = (marked: string | null, text: string): TMark[] => (marked === null ? [] : (parseMarked(marked, text) ?? []));

export const published = (row: { publishedOn: Date; precision: string }) => formatPublished(row.publishedOn, row.precision as TDatePrecision);

/** A kind's ranked rows as its group of results: the count the rows carry, and how they were found. */
export function group<R extends { total: number }, T>(rows: R[], match: TMatchKind, toItem: (row: R) => T, corrected?: string): TSearchGroup<T> {
  const total = rows[0]?.total ?? 0;
  return { total, capped: total >= CANDIDATES, match, ...(corrected ? { corrected } : {}), items: rows.map(toItem) };
}
