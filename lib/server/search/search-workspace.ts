import "server-only";
import { db, Prisma } from "../../db/client";
import { formatPublished } from "../../domain/dates";
import {
  MARK_CLOSE,
  MARK_OPEN,
  SEARCH_KINDS,
  clipFragment,
  mergeMarks,
  normalizeSearchText,
  parseMarked,
  queryWords,
  similarWordMarks,
  type TFragment,
  type TMark,
  type TSearchKind,
} from "../../domain/search";
import type { TDatePrecision, TStance, TVoice } from "../../domain/types";
import type { TCommentTargetType } from "../../domain/comments";
import type { TAuthorRef } from "../claims/get-claim";

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

export interface TClaimHit {
  id: string;
  text: string;
  marks: TMark[];
  rank: number;
}

export interface TExcerptHit {
  id: string;
  fragment: TFragment;
  source: TSearchSourceRef;
  author: TAuthorRef;
  /** The live claims this passage is evidence for. */
  claims: { id: string; text: string; stance: TStance; voice: TVoice }[];
  rank: number;
}

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

export interface TSourceHit {
  id: string;
  title: string;
  titleMarks: TMark[];
  published: string;
  author: TAuthorRef & { marks: TMark[] };
  rank: number;
}

export interface TCommentHit {
  id: string;
  fragment: TFragment;
  /** Who wrote it (for an imported comment, the name it came with). */
  author: string;
  createdAt: string;
  /** What the comment is on. */
  target: { type: TCommentTargetType; id: string };
  /** The claim it is about: the target itself, or an evidence link's claim. */
  claim: { id: string; text: string } | null;
  /** The passage it is about: the target itself, or an evidence link's excerpt. */
  excerpt: { id: string; source: { id: string; title: string } } | null;
  rank: number;
}

export interface TSearchGroups {
  claims: TSearchGroup<TClaimHit>;
  excerpts: TSearchGroup<TExcerptHit>;
  passages: TSearchGroup<TPassageHit>;
  sources: TSearchGroup<TSourceHit>;
  comments: TSearchGroup<TCommentHit>;
}

export type TSearchResult = { q: string } & Partial<TSearchGroups>;

/**
 * Matches ranked per kind. A very common word matches thousands of excerpts and passages in a
 * large workspace; reading and ranking them all would take most of the search's time budget for
 * a query too vague to rank well anyway. So the first CANDIDATES matches the index yields are
 * ranked, and the count is shown as "1,000+" (a more specific query ranks every match).
 */
const CANDIDATES = 1_000;
/** Characters of an excerpt or passage shown around its first match. */
const FRAGMENT_LENGTH = 320;

interface TSearchContext {
  workspaceId: string;
  q: string;
  limit: number;
  /** The query's words corrected against the workspace's vocabulary (fetched once, if needed). */
  corrected: () => Promise<string | null>;
}

const HIGHLIGHT_OPTIONS = `HighlightAll=true, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;

/** The user's query in PostgreSQL's web-search syntax: "quoted phrases", or, -excluded. */
const userQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;
/** Corrected words: all of them must occur. */
const correctedQuery = (words: string) => Prisma.sql`plainto_tsquery('english', ${words})`;

const marksOf = (marked: string | null, text: string): TMark[] => (marked === null ? [] : (parseMarked(marked, text) ?? []));
const published = (row: { publishedOn: Date; precision: string }) => formatPublished(row.publishedOn, row.precision as TDatePrecision);

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
  // Curly quotes pasted in a query ("“talk shop”") mean a phrase, as straight ones do.
  const q = normalizeSearchText(options.q.replace(/[\u201c\u201d\u201e]/g, '"'));
  const kinds = options.kind ? [options.kind] : SEARCH_KINDS;
  let corrected: Promise<string | null> | undefined;
  const ctx: TSearchContext = { workspaceId, q, limit, corrected: () => (corrected ??= correctWords(workspaceId, q)) };
  const groups = await Promise.all(kinds.map(async (kind) => [kind, await SEARCHERS[kind](ctx)] as const));
  return { q: options.q, ...Object.fromEntries(groups) };
}

const SEARCHERS: { [K in TSearchKind]: (ctx: TSearchContext) => Promise<TSearchGroups[K]> } = {
  claims: searchClaims,
  excerpts: searchExcerpts,
  passages: searchPassages,
  sources: searchSources,
  comments: searchComments,
};

type TClaimRow = { id: string; text: string; rank: number; total: number; marked: string | null };

async function searchClaims(ctx: TSearchContext): Promise<TSearchGroup<TClaimHit>> {
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
      where c."workspaceId" = ${workspaceId}::uuid and c."deletedAt" is null and ${q}::text <% c.text
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
        where c."workspaceId" = ${workspaceId}::uuid and c."deletedAt" is null and c."searchVector" @@ ${query}
        limit ${CANDIDATES}
      ) c
      order by rank desc, position
      limit ${limit}
    ) h
    order by h.rank desc, h.position`;
}

type TTextRow = {
  id: string;
  text: string;
  start: number;
  end: number;
  sourceId: string;
  title: string;
  publishedOn: Date;
  precision: string;
  authorId: string;
  authorName: string;
  shortName: string;
  rank: number;
  total: number;
  marked: string | null;
};

async function searchExcerpts(ctx: TSearchContext): Promise<TSearchGroup<TExcerptHit>> {
  const byWords = await excerptRows(ctx, userQuery(ctx.q));
  if (byWords.length > 0) return excerptGroup(byWords, "words");
  const corrected = await ctx.corrected();
  if (!corrected) return excerptGroup([], "words");
  return excerptGroup(await excerptRows(ctx, correctedQuery(corrected)), "similar", corrected);
}

type TExcerptClaim = TExcerptHit["claims"][number];

function excerptRows({ workspaceId, limit }: TSearchContext, query: Prisma.Sql) {
  // With the live claims each excerpt backs, in matrix order, in the same round trip.
  return db().$queryRaw<(TTextRow & { claims: TExcerptClaim[] })[]>`
    select h.*, ts_headline('english', stancemap_search_text(h.text), ${query}, ${HIGHLIGHT_OPTIONS}) as marked,
      coalesce((
        select json_agg(json_build_object('id', c.id, 'text', c.text, 'stance', e.stance, 'voice', e.voice) order by c.rank)
        from "Evidence" e
        join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
        where e."excerptId" = h.id::uuid and e."deletedAt" is null
      ), '[]'::json) as claims
    from (
      select x.id::text, x.exact as text, x.start, x."end", s.id::text as "sourceId", s.title, s."publishedOn", s."publishedPrecision"::text as precision,
        a.id::text as "authorId", a.name as "authorName", a."shortName", ts_rank_cd(x."searchVector", ${query}) as rank, count(*) over ()::int as total
      from (
        select x.* from "Excerpt" x
        join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
        where x."workspaceId" = ${workspaceId}::uuid and x."deletedAt" is null and x."searchVector" @@ ${query}
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

async function searchPassages(ctx: TSearchContext): Promise<TSearchGroup<TPassageHit>> {
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
        join "Source" s on s.id = p."sourceId" and s."deletedAt" is null
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

type TCommentRow = {
  id: string;
  text: string;
  authorName: string;
  createdAt: Date;
  targetType: TCommentTargetType;
  targetId: string;
  claimId: string | null;
  claimText: string | null;
  excerptId: string | null;
  sourceId: string | null;
  sourceTitle: string | null;
  rank: number;
  total: number;
  marked: string | null;
};

async function searchComments(ctx: TSearchContext): Promise<TSearchGroup<TCommentHit>> {
  const byWords = await commentRows(ctx, userQuery(ctx.q));
  if (byWords.length > 0) return group(byWords, "words", commentHit);
  const corrected = await ctx.corrected();
  if (!corrected) return group([], "words", commentHit);
  return group(await commentRows(ctx, correctedQuery(corrected)), "similar", commentHit, corrected);
}

/**
 * Whether a comment (`c`, with its link's claim and excerpt as `e`) is on something live: for an
 * evidence link, the link, its claim, its passage and that passage's source. Each target is looked
 * up by primary key (the LIMIT 1 keeps each lookup a nested index probe: hashing every evidence
 * link of a large map to check a few hundred comments costs far more).
 */
const COMMENT_TARGET_JOINS = Prisma.sql`
  left join lateral (select e."claimId", e."excerptId" from "Evidence" e where e.id = c."evidenceId" and e."deletedAt" is null limit 1) e on true
  left join lateral (select 1 as live from "Claim" k where k.id = coalesce(c."claimId", e."claimId") and k."deletedAt" is null limit 1) k on true
  left join lateral (
    select 1 as live from "Excerpt" x join "Source" s on s.id = x."sourceId"
    where x.id = coalesce(c."excerptId", e."excerptId") and x."deletedAt" is null and s."deletedAt" is null limit 1
  ) t on true`;
const COMMENT_TARGET_LIVE = Prisma.sql`(c."evidenceId" is null or e."claimId" is not null)
  and ((c."claimId" is null and e."claimId" is null) or k.live is not null)
  and ((c."excerptId" is null and e."excerptId" is null) or t.live is not null)`;

function commentRows({ workspaceId, limit }: TSearchContext, query: Prisma.Sql) {
  // The candidates are ranked first and checked for a live target in rank order, so a common
  // word checks the shown few rather than a thousand. The count checks every candidate only when
  // there are fewer than the cap (at the cap it reads "1,000+" either way).
  return db().$queryRaw<TCommentRow[]>`
    with candidates as materialized (
      select c.id, c.body as text, c."authorId", c."importedAuthorName", c."createdAt", c."claimId", c."excerptId", c."evidenceId",
        ts_rank_cd(c."searchVector", ${query}) as rank
      from "Comment" c
      where c."workspaceId" = ${workspaceId}::uuid and c."deletedAt" is null and c."searchVector" @@ ${query}
      limit ${CANDIDATES}
    ), hits as (
      select c.*, coalesce(c."claimId", e."claimId") as "aboutClaim", coalesce(c."excerptId", e."excerptId") as "aboutExcerpt"
      from (select * from candidates order by rank desc, "createdAt" desc) c
      ${COMMENT_TARGET_JOINS}
      where ${COMMENT_TARGET_LIVE}
      order by c.rank desc, c."createdAt" desc
      limit ${limit}
    )
    select h.id::text, h.text, coalesce(h."importedAuthorName", u.name) as "authorName", h."createdAt",
      case when h."claimId" is not null then 'claim' when h."excerptId" is not null then 'excerpt' else 'evidence' end as "targetType",
      coalesce(h."claimId", h."excerptId", h."evidenceId")::text as "targetId",
      k.id::text as "claimId", k.text as "claimText", x.id::text as "excerptId", s.id::text as "sourceId", s.title as "sourceTitle",
      h.rank,
      (case when (select count(*) from candidates) >= ${CANDIDATES} then ${CANDIDATES}
            else (select count(*) from candidates c ${COMMENT_TARGET_JOINS} where ${COMMENT_TARGET_LIVE}) end)::int as total,
      ts_headline('english', stancemap_search_text(h.text), ${query}, ${HIGHLIGHT_OPTIONS}) as marked
    from hits h
    join "User" u on u.id = h."authorId"
    left join "Claim" k on k.id = h."aboutClaim"
    left join "Excerpt" x on x.id = h."aboutExcerpt"
    left join "Source" s on s.id = x."sourceId"
    order by h.rank desc, h."createdAt" desc`;
}

function commentHit(r: TCommentRow): TCommentHit {
  return {
    id: r.id,
    fragment: clipFragment(r.text, marksOf(r.marked, r.text), FRAGMENT_LENGTH),
    author: r.authorName,
    createdAt: r.createdAt.toISOString(),
    target: { type: r.targetType, id: r.targetId },
    claim: r.claimId && r.claimText !== null ? { id: r.claimId, text: r.claimText } : null,
    excerpt: r.excerptId && r.sourceId && r.sourceTitle !== null ? { id: r.excerptId, source: { id: r.sourceId, title: r.sourceTitle } } : null,
    rank: r.rank,
  };
}

async function searchSources({ workspaceId, q, limit }: TSearchContext): Promise<TSearchGroup<TSourceHit>> {
  type Row = {
    id: string;
    title: string;
    publishedOn: Date;
    precision: string;
    authorId: string;
    authorName: string;
    shortName: string;
    rank: number;
    total: number;
    match: TMatchKind;
    titleMarked: string | null;
    nameMarked: string | null;
    nameMarkedSimple: string | null;
  };
  // One round trip for both ways of finding a source. By words: titles are English; names are
  // matched as typed ('simple': "Harding" stays "harding") and as English words ("Harding's").
  // Only when no source has the words, by similarity ("Nurimbetof"): a title or a name with a
  // similar word — a source's few names and a workspace's few hundred titles need no index.
  const rows = await db().$queryRaw<Row[]>`
    with live as (
      select s.id, s.title, s."publishedOn", s."publishedPrecision", s."searchVector", a.id as "authorId", a.name as "authorName", a."shortName", a."searchVector" as "authorVector"
      from "Source" s
      join "Author" a on a.id = s."authorId"
      where s."workspaceId" = ${workspaceId}::uuid and s."deletedAt" is null
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

/**
 * Runs a word-similarity query with sequential scans ruled out. The planner prices pg_trgm's
 * similarity test like an integer comparison, so on a table of a thousand claims it reads every
 * row and compares (about 20 ms) rather than ask the trigram index (about 0.1 ms).
 */
async function withTrigramIndexes<T>(query: Prisma.PrismaPromise<T>): Promise<T> {
  const [, result] = await db().$transaction([db().$executeRaw`set local enable_seqscan = off`, query]);
  return result;
}

/**
 * The query's words, each replaced by the most similar word of the workspace's source texts
 * (pg_trgm similarity, its default threshold); null when that changes nothing.
 */
async function correctWords(workspaceId: string, q: string): Promise<string | null> {
  const words = queryWords(q, 3);
  if (words.length === 0) return null;
  const rows = await db().$queryRaw<{ typed: string; best: string | null }[]>`
    select w.word as typed, (
      select sw.word from "SearchWord" sw
      where sw."workspaceId" = ${workspaceId}::uuid and sw.word % w.word
      order by similarity(sw.word, w.word) desc, sw.word
      limit 1
    ) as best
    from unnest(${words}::text[]) with ordinality as w(word, n)
    order by w.n`;
  const corrected = rows.map((r) => r.best ?? r.typed);
  return corrected.some((word, i) => word !== words[i]) ? corrected.join(" ") : null;
}

function group<R extends { total: number }, T>(rows: R[], match: TMatchKind, toItem: (row: R) => T, corrected?: string): TSearchGroup<T> {
  const total = rows[0]?.total ?? 0;
  return { total, capped: total >= CANDIDATES, match, ...(corrected ? { corrected } : {}), items: rows.map(toItem) };
}
