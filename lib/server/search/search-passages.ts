import "server-only";
import { db, type Prisma } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { clipFragment, type TFragment } from "../../domain/search";
import type { TAuthorRef } from "../claims/get-claim";
import { CANDIDATES, FRAGMENT_LENGTH, group, marksOf, published, type TSearchContext, type TSearchGroup, type TSearchSourceRef, type TTextRow } from "./search-groups";
import { correctedQuery, HIGHLIGHT_OPTIONS, userQuery } from "./search-query";

export interface TPassageHit {
  /** The passage's span of the source text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The part of the passage shown; its `offset` counts from `start`. */
  fragment: TFragment;
  source: TSearchSourceRef;
  author: TAuthorRef;
  rank: number;
}

/** Passages of live sources' texts with the query's words, or else with the words corrected. */
export async function searchPassages(ctx: TSearchContext): Promise<TSearchGroup<TPassageHit>> {
  const byWords = await passageRows(ctx, userQuery(ctx.q));
  if (byWords.length > 0) return group(byWords, "words", passageHit);
  const corrected = await ctx.corrected();
  if (!corrected) return group([], "words", passageHit);
  return group(await passageRows(ctx, correctedQuery(corrected)), "similar", passageHit, corrected);
}

function passageRows({ workspaceId, limit }: TSearchContext, query: Prisma.Sql) {
  return db().$queryRaw<TTextRow[]>`
    select h.*, ts_headline('english', stancemap_search_text(h.text), ${query}, ${HIGHLIGHT_OPTIONS}) as marked
    from (
      select p.id::text, p.text, p.start, p."end", s.id::text as "sourceId", s.title, s."publishedOn", s."publishedPrecision"::text as precision,
        a.id::text as "authorId", a.name as "authorName", a."shortName", ts_rank_cd(p."searchVector", ${query}) as rank, count(*) over ()::int as total
      from (
        select p.* from "Passage" p
        join "Source" s on s.id = p."sourceId" and ${liveSql.source("s")}
        where p."workspaceId" = ${workspaceId}::uuid and p."searchVector" @@ ${query}
        limit ${CANDIDATES}
      ) p
      join "Source" s on s.id = p."sourceId"
      join "Author" a on a.id = s."authorId"
      order by rank desc, s."publishedOn", p.start
      limit ${limit}
    ) h
    order by h.rank desc, h."publishedOn", h.start`;
}

function passageHit(r: TTextRow): TPassageHit {
  return {
    start: r.start,
    end: r.end,
    fragment: clipFragment(r.text, marksOf(r.marked, r.text), FRAGMENT_LENGTH),
    source: { id: r.sourceId, title: r.title, published: published(r) },
    author: { id: r.authorId, name: r.authorName, shortName: r.shortName },
    rank: r.rank,
  };
}
