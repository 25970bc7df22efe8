import "server-only";
import { SEARCH_KINDS, type TSearchKind } from "../../domain/search";
import { correctWords } from "./correct-words";
import { searchClaims, type TClaimHit } from "./search-claims";
import { searchComments, type TCommentHit } from "./search-comments";
import { searchExcerpts, type TExcerptHit } from "./search-excerpts";
import type { TSearchContext, TSearchGroup } from "./search-groups";
import { searchPassages, type TPassageHit } from "./search-passages";
import { normalizeQuery } from "./search-query";
import { searchSources, type TSourceHit } from "./search-sources";

export type { TClaimHit, TCommentHit, TExcerptHit, TPassageHit, TSourceHit };
export type { TMatchKind, TSearchGroup, TSearchSourceRef } from "./search-groups";

export interface TSearchGroups {
  claims: TSearchGroup<TClaimHit>;
  excerpts: TSearchGroup<TExcerptHit>;
  passages: TSearchGroup<TPassageHit>;
  sources: TSearchGroup<TSourceHit>;
  comments: TSearchGroup<TCommentHit>;
}

export type TSearchResult = { q: string } & Partial<TSearchGroups>;

/**
 * Searches one workspace's claims, excerpts, source passages, sources (titles and authors) and
 * comments.
 * Full-text search with PostgreSQL (stored tsvectors, GIN indexes, ranked by ts_rank_cd); a kind
 * that full-text search finds nothing for falls back to trigram similarity — titles and names
 * directly; texts and claims by correcting the query's words against the workspace's vocabulary
 * (and a single word also directly against the claims). Only
 * live items: anything soft-deleted, or in a deleted source, is left out (and a comment whose
 * claim, passage or evidence link is). The caller authorizes.
 *
 * Another kind of result is one more entry in SEARCHERS and in SEARCH_KINDS; the API, the page's
 * groups and their counts follow from those.
 */
export async function searchWorkspace(workspaceId: string, options: { q: string; kind?: TSearchKind; limit: number }): Promise<TSearchResult> {
  const { limit } = options;
  const q = normalizeQuery(options.q);
  const kinds = options.kind ? [options.kind] : SEARCH_KINDS;
  let corrected: Promise<string | null> | undefined;
  const ctx: TSearchContext = { workspaceId, q, limit, corrected: () => (corrected ??= correctWords(workspaceId, q)) };
  const groups = await Promise.all(kinds.map(async (kind) => [kind, await SEARCHERS[kind](ctx)] as const));
  return { q: options.q, ...Object.fromEntries(groups) };
}

/** The search of each kind of result. */
const SEARCHERS: { [K in TSearchKind]: (ctx: TSearchContext) => Promise<TSearchGroups[K]> } = {
  claims: searchClaims,
  excerpts: searchExcerpts,
  passages: searchPassages,
  sources: searchSources,
  comments: searchComments,
};
