import "server-only";
import type { TSourceAuthorColumns } from "../sources/source-columns";
import { db } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { mergeMarks, similarWordMarks, type TMark } from "../../domain/search";
import type { TAuthorRef } from "../claims/get-claim";
import { group, marksOf, published, type TMatchKind, type TSearchContext, type TSearchGroup } from "./search-groups";
import { HIGHLIGHT_OPTIONS, userQuery } from "./search-query";

export interface TSourceHit {
  id: string;
  title: string;
  titleMarks: TMark[];
  published: string;
  author: TAuthorRef & { marks: TMark[] };
  rank: number;
}

type TSourceRow = TSourceAuthorColumns & {
  id: string;
  rank: number;
  total: number;
  match: TMatchKind;
  titleMarked: string | null;
  nameMarked: string | null;
  nameMarkedSimple: string | null;
};

/** Live sources by the words of their titles and their authors' names, or else by similar words. */
export async function searchSources({ workspaceId, q, limit }: TSearchContext): Promise<TSearchGroup<TSourceHit>> {
  // One round trip for both ways of finding a source. By words: titles are English; names are
  // matched as typed ('simple': "Harding" stays "harding") and as English words ("Harding's").
  // Only when no source has the words, by similarity ("Nurimbetof"): a title or a name with a
  // similar word — a source's few names and a workspace's few hundred titles need no index.
  const rows = await db().$queryRaw<TSourceRow[]>`
    with live as (
      select s.id, s.title, s."publishedOn", s."publishedPrecision", s."searchVector", a.id as "authorId", a.name as "authorName", a."shortName", a."searchVector" as "authorVector"
      from "Source" s
      join "Author" a on a.id = s."authorId"
      where s."workspaceId" = ${workspaceId}::uuid and ${liveSql.source("s")}
    ),
    by_words as (
      select l.*, ts_rank_cd(l."searchVector" || to_tsvector('english', stancemap_search_text(l."authorName" || ' ' || l."shortName")), ${userQuery(q)})
        + ts_rank_cd(l."authorVector", websearch_to_tsquery('simple', ${q})) as rank
      from live l
      where (l."searchVector" || to_tsvector('english', stancemap_search_text(l."authorName" || ' ' || l."shortName"))) @@ ${userQuery(q)}
        or l."authorVector" @@ websearch_to_tsquery('simple', ${q})
    ),
    by_similarity as (
      select l.*, greatest(word_similarity(${q}::text, l.title), word_similarity(${q}::text, l."authorName"), word_similarity(${q}::text, l."shortName")) as rank
      from live l
      where not exists (select 1 from by_words)
        and (${q}::text <% l.title or ${q}::text <% l."authorName" or ${q}::text <% l."shortName")
    ),
    hits as (
      select w.*, 'words' as match from by_words w
      union all
      select v.*, 'similar' as match from by_similarity v
    )
    select h.id::text, h.title, h."publishedOn", h."publishedPrecision"::text as precision, h."authorId"::text as "authorId", h."authorName", h."shortName", h.rank, h.total, h.match,
      case when h.match = 'words' then ts_headline('english', stancemap_search_text(h.title), ${userQuery(q)}, ${HIGHLIGHT_OPTIONS}) end as "titleMarked",
      case when h.match = 'words' then ts_headline('english', stancemap_search_text(h."authorName"), ${userQuery(q)}, ${HIGHLIGHT_OPTIONS}) end as "nameMarked",
      case when h.match = 'words' then ts_headline('simple', stancemap_search_text(h."authorName"), websearch_to_tsquery('simple', ${q}), ${HIGHLIGHT_OPTIONS}) end as "nameMarkedSimple"
    from (
      select hits.*, count(*) over ()::int as total from hits
      order by hits.rank desc, hits."publishedOn"
      limit ${limit}
    ) h
    order by h.rank desc, h."publishedOn"`;
  const match: TMatchKind = rows[0]?.match ?? "similar";
  return group(rows, match, (r) => ({
    id: r.id,
    title: r.title,
    titleMarks: r.match === "words" ? marksOf(r.titleMarked, r.title) : similarWordMarks(r.title, q),
    published: published(r),
    author: {
      id: r.authorId,
      name: r.authorName,
      shortName: r.shortName,
      marks: r.match === "words" ? mergeMarks([...marksOf(r.nameMarked, r.authorName), ...marksOf(r.nameMarkedSimple, r.authorName)]) : similarWordMarks(r.authorName, q),
    },
    rank: r.rank,
  }));
}
