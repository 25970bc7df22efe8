import "server-only";
import { describeRange } from "../../anchoring/text-quote";
import { db } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { MARK_CLOSE, MARK_OPEN, parseMarked, type TMark } from "../../domain/search";
import { getClaim, type TAuthorRef, type TClaimDetail } from "./get-claim";

export interface TSuggestedPassage {
  sourceId: string;
  sourceTitle: string;
  /** The passage's span of the source text (UTF-16 offsets, end exclusive) and its words. */
  start: number;
  end: number;
  text: string;
  /** TextQuote context, so the passage can be cited with both selectors as it is. */
  prefix: string;
  suffix: string;
  rank: number;
  /** The claim's words in `text`. */
  marks: TMark[];
}

export interface TSuggestions {
  claimId: string;
  /** Each author silent on the claim (derived, not set by hand), in the matrix's order. */
  authors: { author: TAuthorRef; passages: TSuggestedPassage[] }[];
}

const HIGHLIGHT_OPTIONS = `HighlightAll=true, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;

/**
 * For each author whose position on the claim is SILENT because nothing of theirs is cited (not
 * because someone set it so), the passages of their live sources most related to the claim: the
 * claim's own words as an OR-query (so a passage need not hold every word), ranked by the rarity
 * of the claim's words each passage holds. Passages that overlap an excerpt already cited as live evidence for the claim are
 * left out — they have been read for it. An author with no related passage gets an empty list.
 * The caller authorizes; `claim` may be passed when the caller has loaded it already.
 */
export async function suggestPassages(workspaceId: string, claimId: string, options: { perAuthor: number }, claim?: TClaimDetail): Promise<TSuggestions> {
  const detail = claim ?? (await getClaim(workspaceId, claimId));
  const silent = detail.positions.filter((p) => p.stance === "SILENT" && !p.explicit).map((p) => p.author);
  if (silent.length === 0) return { claimId: detail.id, authors: [] };

  // Each of the claim's lexemes as a query of its own (quoted: chr(39) is ', chr(92) is \), weighted
  // by how rare it is among the workspace's passages (inverse document frequency): a passage that
  // shares the claim's rare words ("NATO", "bloc") beats one that only names the organisation.
  const rows = await db().$queryRaw<{ sourceId: string; sourceTitle: string; authorId: string; start: number; end: number; rank: number; marked: string; text: string }[]>`
    with terms as (
      select t.q, ln(
        greatest(1, (select count(*) from "Passage" p where p."workspaceId" = ${workspaceId}::uuid))::float8
        / greatest(1, (select count(*) from "Passage" p where p."workspaceId" = ${workspaceId}::uuid and p."searchVector" @@ t.q))
      ) as idf
      from (
        select (chr(39) || replace(replace(u.lexeme, chr(92), ''), chr(39), chr(39) || chr(39)) || chr(39))::tsquery as q
        from "Claim" c, unnest(to_tsvector('english', stancemap_search_text(c.text))) as u
        where c.id = ${detail.id}::uuid
      ) t
    ),
    q as (select (select string_agg(t.q::text, ' | ') from terms t)::tsquery as q),
    cited as materialized (
      select x."sourceId", x.start, x."end" from ${liveSql.evidence}
      where e."claimId" = ${detail.id}::uuid
    ),
    scored as materialized (
      select p.id, s."authorId", s."publishedOn", p.start, (select sum(t.idf) from terms t where p."searchVector" @@ t.q)::float8 as rank
      from q
      join "Passage" p on p."searchVector" @@ q.q
      join "Source" s on s.id = p."sourceId" and ${liveSql.source("s")}
      where p."workspaceId" = ${workspaceId}::uuid
        and s."authorId" = any(${silent.map((a) => a.id)}::uuid[])
        and not exists (select 1 from cited c where c."sourceId" = p."sourceId" and c.start < p."end" and c."end" > p.start)
    ),
    ranked as (
      select r.id, r.rank, row_number() over (partition by r."authorId" order by r.rank desc, r."publishedOn", r.start) as n
      from scored r
      where r.rank > 0
    )
    select s.id::text as "sourceId", s.title as "sourceTitle", s."authorId"::text as "authorId", p.start, p."end", r.rank, p.text,
      ts_headline('english', stancemap_search_text(p.text), q.q, ${HIGHLIGHT_OPTIONS}) as marked
    from ranked r
    join "Passage" p on p.id = r.id
    join "Source" s on s.id = p."sourceId"
    cross join q
    where r.n <= ${options.perAuthor}
    order by s."authorId", r.n`;

  const texts = new Map(
    (await db().source.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.sourceId))] } }, select: { id: true, text: true } })).map((s) => [s.id, s.text]),
  );
  return {
    claimId: detail.id,
    authors: silent.map((author) => ({
      author: { id: author.id, name: author.name, shortName: author.shortName },
      passages: rows
        .filter((r) => r.authorId === author.id)
        .map((r) => {
          const { exact, prefix, suffix } = describeRange(texts.get(r.sourceId)!, r.start, r.end);
          return { sourceId: r.sourceId, sourceTitle: r.sourceTitle, start: r.start, end: r.end, text: exact, prefix, suffix, rank: r.rank, marks: parseMarked(r.marked, exact) ?? [] };
        }),
    })),
  };
}
