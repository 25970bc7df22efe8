import "server-only";
import { db, Prisma } from "../../db/client";
import { liveSql, liveWhere } from "../../db/live-rows";
import { formatPublished } from "../../domain/dates";
import { buildMatrix, type TMatrix } from "../../domain/matrix";
import { filterMatrix, isFiltering, type TMatrixFilter } from "../../domain/matrix-filter";
import type { TDatePrecision, TPositionStance, TStance, TVoice } from "../../domain/types";

/**
 * The claims × authors matrix of a workspace. Evidence arrives pre-grouped by the database
 * (claim, author, stance, voice → count), so a map costs one row per (cell, stance, voice)
 * rather than one per link. Grouping on the enum columns (not on
 * their text casts) keeps the aggregate in memory. The same rows carry how many live comments
 * their evidence links have (counted per link once, then hash-joined), so a cell's comment count
 * costs no query of its own; the comments on the claims themselves are one more grouped query.
 */
export async function getMatrix(workspaceId: string, window?: { offset: number; limit: number }, filter: TMatrixFilter = {}): Promise<TMatrix & { total: number; mapTotal: number }> {
  // A filter or a sort by controversy depends on every row's positions: read the whole map,
  // then filter, order and cut the window.
  if (isFiltering(filter)) {
    const whole = await getMatrix(workspaceId);
    const filtered = filterMatrix(whole, filter);
    const claims = window ? filtered.claims.slice(window.offset, window.offset + window.limit) : filtered.claims;
    return { ...filtered, claims, total: filtered.claims.length, mapTotal: whole.total };
  }
  const prisma = db();
  const live = { workspaceId, ...liveWhere.claim };
  // A window of rows (by rank) keeps a map of a thousand claims quick to render; the evidence
  // query then reads only those claims' links through the claim index.
  const claims = await prisma.claim.findMany({
    where: live,
    orderBy: { rank: "asc" },
    select: { id: true, text: true, tags: true, rank: true },
    ...(window ? { skip: window.offset, take: window.limit } : {}),
  });
  const ids = claims.map((c) => c.id);
  const onlyWindow = window ? Prisma.sql`and e."claimId" = any(${ids}::uuid[])` : Prisma.empty;
  const onlyWindowComments = window ? Prisma.sql`and m."claimId" = any(${ids}::uuid[])` : Prisma.empty;
  // A first window that is not full holds every row: no need to count them.
  const counted = !window || (window.offset === 0 && claims.length < window.limit);
  const [authors, total, evidence, explicit, comments] = await Promise.all([
    // Each author with the dates of their live sources, in one statement (the ORM's nested read is two, one after the other).
    prisma.$queryRaw<{ id: string; name: string; shortName: string; published: { on: string; precision: TDatePrecision }[] }[]>`
      select a.id::text as id, a.name, a."shortName",
        coalesce(json_agg(json_build_object('on', s."publishedOn", 'precision', s."publishedPrecision") order by s."publishedOn", s.id) filter (where s.id is not null), '[]'::json) as published
      from "Author" a
      left join "Source" s on s."authorId" = a.id and ${liveSql.source("s")}
      where a."workspaceId" = ${workspaceId}::uuid
      group by a.id
      order by a.id`,
    counted ? Promise.resolve(claims.length) : prisma.claim.count({ where: live }),
    prisma.$queryRaw<{ claimId: string; authorId: string; stance: TStance; voice: TVoice; count: number; comments: number }[]>`
      select e."claimId", s."authorId", e.stance::text as stance, e.voice::text as voice, count(*)::int as count, coalesce(sum(cc.n), 0)::int as comments
      from ${liveSql.evidenceOfLiveExcerpts}
      left join (
        select m."evidenceId", count(*) as n from "Comment" m
        where m."workspaceId" = ${workspaceId}::uuid and m."evidenceId" is not null and ${liveSql.comment("m")}
        group by m."evidenceId"
      ) cc on cc."evidenceId" = e.id
      where e."workspaceId" = ${workspaceId}::uuid ${onlyWindow}
      group by e."claimId", s."authorId", e.stance, e.voice`,
    prisma.position.findMany({ where: { workspaceId, ...liveWhere.position, ...(window ? { claimId: { in: ids } } : {}) }, select: { claimId: true, authorId: true, stance: true, note: true, version: true } }),
    prisma.$queryRaw<{ claimId: string; count: number }[]>`
      select m."claimId", count(*)::int as count
      from "Comment" m
      where m."workspaceId" = ${workspaceId}::uuid and m."claimId" is not null and ${liveSql.comment("m")} ${onlyWindowComments}
      group by m."claimId"`,
  ]);
  const matrix = buildMatrix({
    authors: authors
      .filter((a) => a.published.length > 0)
      .map((a) => ({ id: a.id, name: a.name, shortName: a.shortName, published: a.published.map((p) => formatPublished(new Date(`${p.on}T00:00:00Z`), p.precision)) })),
    claims,
    evidence,
    explicit: explicit.map((p) => ({ ...p, stance: p.stance as TPositionStance })),
    comments: [
      ...comments.map((c) => ({ claimId: c.claimId, authorId: null, count: c.count })),
      ...evidence.filter((e) => e.comments > 0).map((e) => ({ claimId: e.claimId, authorId: e.authorId, count: e.comments })),
    ],
  });
  return { ...matrix, total, mapTotal: total };
}

/**
 * Cells a matrix page renders before asking the reader to show more: a wide map's first window
 * (50 authors: 20 rows) is then under 1 MB of HTML and quick to render; a narrow map shows more
 * rows (the demo's 5 authors: every claim).
 */
const CELLS_PER_PAGE = 1000;

/** How many claim rows the matrix page shows at first: all of a small map, fewer when it is wide. */
export async function matrixRowsPerPage(workspaceId: string): Promise<number> {
  const authors = await db().author.count({ where: { workspaceId, sources: { some: liveWhere.source } } });
  return Math.max(20, Math.floor(CELLS_PER_PAGE / Math.max(1, authors)));
}

/** The tags used by a workspace's live claims, for the matrix's filter bar. */
export async function listClaimTags(workspaceId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ tag: string }[]>`
    select distinct unnest(c.tags) as tag from "Claim" c where c."workspaceId" = ${workspaceId}::uuid and ${liveSql.claim("c")} order by 1`;
  return rows.map((r) => r.tag);
}
