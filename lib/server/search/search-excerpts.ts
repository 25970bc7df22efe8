import "server-only";
import { db, type Prisma } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { clipFragment, type TFragment } from "../../domain/search";
import type { TStance, TVoice } from "../../domain/types";
import type { TAuthorRef } from "../claims/get-claim";
import { CANDIDATES, FRAGMENT_LENGTH, group, marksOf, published, type TMatchKind, type TSearchContext, type TSearchGroup, type TSearchSourceRef, type TTextRow } from "./search-groups";
import { correctedQuery, HIGHLIGHT_OPTIONS, userQuery } from "./search-query";

export interface TExcerptHit {
  id: string;
  fragment: TFragment;
  source: TSearchSourceRef;
  author: TAuthorRef;
  /** The live claims this passage is evidence for. */
  claims: { id: string; text: string; stance: TStance; voice: TVoice }[];
  rank: number;
}

type TExcerptClaim = TExcerptHit["claims"][number];

/** Live excerpts with the query's words, or else with the words corrected. */
export async function searchExcerpts(ctx: TSearchContext): Promise<TSearchGroup<TExcerptHit>> {
  const byWords = await excerptRows(ctx, userQuery(ctx.q));
  if (byWords.length > 0) return excerptGroup(byWords, "words");
  const corrected = await ctx.corrected();
  if (!corrected) return excerptGroup([], "words");
  return excerptGroup(await excerptRows(ctx, correctedQuery(corrected)), "similar", corrected);
}

function excerptRows({ workspaceId, limit }: TSearchContext, query: Prisma.Sql) {
  // With the live claims each excerpt backs, in matrix order, in the same round trip.
  return db().$queryRaw<(TTextRow & { claims: TExcerptClaim[] })[]>`
    select h.*, ts_headline('english', stancemap_search_text(h.text), ${query}, ${HIGHLIGHT_OPTIONS}) as marked,
      coalesce((
        select json_agg(json_build_object('id', c.id, 'text', c.text, 'stance', e.stance, 'voice', e.voice) order by c.rank)
        from ${liveSql.evidenceOnLiveClaims}
        where e."excerptId" = h.id::uuid
      ), '[]'::json) as claims
    from (
      select x.id::text, x.exact as text, x.start, x."end", s.id::text as "sourceId", s.title, s."publishedOn", s."publishedPrecision"::text as precision,
        a.id::text as "authorId", a.name as "authorName", a."shortName", ts_rank_cd(x."searchVector", ${query}) as rank, count(*) over ()::int as total
      from (
        select x.* from ${liveSql.excerpts}
        where x."workspaceId" = ${workspaceId}::uuid and x."searchVector" @@ ${query}
        limit ${CANDIDATES}
      ) x
      join "Source" s on s.id = x."sourceId"
      join "Author" a on a.id = s."authorId"
      order by rank desc, s."publishedOn", x.start
      limit ${limit}
    ) h
    order by h.rank desc, h."publishedOn", h.start`;
}

function excerptGroup(rows: (TTextRow & { claims: TExcerptClaim[] })[], match: TMatchKind, corrected?: string): TSearchGroup<TExcerptHit> {
  return group(
    rows,
    match,
    (r) => ({
      id: r.id,
      fragment: clipFragment(r.text, marksOf(r.marked, r.text), FRAGMENT_LENGTH),
      source: { id: r.sourceId, title: r.title, published: published(r) },
      author: { id: r.authorId, name: r.authorName, shortName: r.shortName },
      claims: r.claims,
      rank: r.rank,
    }),
    corrected,
  );
}
