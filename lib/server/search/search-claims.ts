import "server-only";
import { db, type Prisma } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { queryWords, similarWordMarks, type TMark } from "../../domain/search";
import { group, marksOf, CANDIDATES, type TSearchContext, type TSearchGroup } from "./search-groups";
import { correctedQuery, HIGHLIGHT_OPTIONS, userQuery, withTrigramIndexes } from "./search-query";

export interface TClaimHit {
  id: string;
  text: string;
  marks: TMark[];
  rank: number;
}

type TClaimRow = { id: string; text: string; rank: number; total: number; marked: string | null };

/**
 * Live claims with the query's words; failing that, with the words corrected against the
 * sources' words, and for a single word, claims with a similar word.
 */
export async function searchClaims(ctx: TSearchContext): Promise<TSearchGroup<TClaimHit>> {
  const { workspaceId, q, limit } = ctx;
  const hit = (r: TClaimRow) => ({ id: r.id, text: r.text, marks: marksOf(r.marked, r.text), rank: r.rank });
  const found = await claimRows(ctx, userQuery(q));
  if (found.length > 0) return group(found, "words", hit);
  // Nothing has the words. A misspelt word is corrected against the sources' words, as for texts…
  const corrected = await ctx.corrected();
  if (corrected) {
    const rows = await claimRows(ctx, correctedQuery(corrected));
    if (rows.length > 0) return group(rows, "similar", hit, corrected);
  }
  // …and a single word is also compared with the claims' own words by trigram similarity (a word
  // that no source uses). Several words make a trigram query too unselective to be worth it.
  if (queryWords(q).length !== 1) return group([], "words", hit);
  const similar = await withTrigramIndexes(
    db().$queryRaw<TClaimRow[]>`
      select c.id::text, c.text, word_similarity(${q}::text, c.text) as rank, count(*) over ()::int as total, null as marked
      from "Claim" c
      where c."workspaceId" = ${workspaceId}::uuid and ${liveSql.claim("c")} and ${q}::text <% c.text
      order by rank desc, c.rank
      limit ${limit}`,
  );
  return group(similar, "similar", (r) => ({ ...hit(r), marks: similarWordMarks(r.text, q) }));
}

function claimRows({ workspaceId, limit }: TSearchContext, query: Prisma.Sql) {
  return db().$queryRaw<TClaimRow[]>`
    select h.id, h.text, h.rank, h.total, ts_headline('english', stancemap_search_text(h.text), ${query}, ${HIGHLIGHT_OPTIONS}) as marked
    from (
      select c.id::text, c.text, c.rank as position, ts_rank_cd(c."searchVector", ${query}) as rank, count(*) over ()::int as total
      from (
        select c.* from "Claim" c
        where c."workspaceId" = ${workspaceId}::uuid and ${liveSql.claim("c")} and c."searchVector" @@ ${query}
        limit ${CANDIDATES}
      ) c
      order by rank desc, position
      limit ${limit}
    ) h
    order by h.rank desc, h.position`;
}
