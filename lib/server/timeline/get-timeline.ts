import "server-only";
import { db, Prisma } from "../../db/client";
import { liveSql, liveWhere } from "../../db/live-rows";
import { formatPublished, type TPublished } from "../../domain/dates";
import { buildMatrix, type TMatrixAuthor, type TMatrixAuthorInput } from "../../domain/matrix";
import type { TResolvedPosition } from "../../domain/position";
import { axisOf, buildTimeline, placeOnTimeline, type TTimeAxis, type TTimelineEvidenceInput, type TTimelineMark, type TTimelinePoint } from "../../domain/timeline";
import type { TDatePrecision, TPositionStance } from "../../domain/types";
import { notFound } from "../../errors/app-error";

export interface TTimelineSource extends Pick<TTimelinePoint, "precision" | "from" | "to"> {
  id: string;
  title: string;
  authorId: string;
  published: TPublished;
}

export interface TTimelineClaim {
  id: string;
  text: string;
  /** A mark per source (SILENT included) with the stance its own words give, in time order. */
  marks: TTimelineMark[];
  /** Each author's overall position, exactly as the matrix shows it (one set by hand wins). */
  positions: Record<string, TResolvedPosition>;
}

export interface TTimeline {
  /** Authors in the matrix's order (earliest source first). */
  authors: TMatrixAuthor[];
  /** Sources in time order, each with the span its date covers. */
  sources: TTimelineSource[];
  /** Whole years from the earliest source to the latest; null without sources. */
  axis: TTimeAxis | null;
  claims: TTimelineClaim[];
}

/**
 * How positions on one claim (or on every claim, or a window of them by rank) moved across publication dates: a mark per
 * source with the stance that source's AUTHOR-voice evidence gives, and each author's overall
 * position — resolved by the matrix's own `buildMatrix`, so the two views cannot disagree.
 */
export async function getTimeline(workspaceId: string, options: { claimId?: string; window?: { offset: number; limit: number } } = {}): Promise<TTimeline & { total: number }> {
  const { claimId, window } = options;
  const prisma = db();
  const live = { workspaceId, ...liveWhere.claim };
  const [claims, total] = await Promise.all([
    prisma.claim.findMany({
      where: { ...live, ...(claimId ? { id: claimId } : {}) },
      orderBy: { rank: "asc" },
      select: { id: true, text: true, tags: true, rank: true },
      // A window of rows keeps the timeline of a large map quick, as on the matrix.
      ...(window && !claimId ? { skip: window.offset, take: window.limit } : {}),
    }),
    claimId ? Promise.resolve(1) : prisma.claim.count({ where: live }),
  ]);
  if (claimId && claims.length === 0) throw notFound("Claim");
  const ids = claims.map((c) => c.id);
  const narrowed = Boolean(claimId || window);
  const onlyClaims = narrowed ? Prisma.sql`and e."claimId" = any(${ids}::uuid[])` : Prisma.empty;
  const [sourceRows, evidence, explicit] = await Promise.all([
    prisma.source.findMany({
      where: { workspaceId, ...liveWhere.source },
      select: { id: true, title: true, publishedOn: true, publishedPrecision: true, author: { select: { id: true, name: true, shortName: true } } },
    }),
    // One row per (claim, source, stance, voice), with the group's passage that comes first in the source.
    prisma.$queryRaw<TTimelineEvidenceInput[]>`
      select e."claimId"::text as "claimId", x."sourceId"::text as "sourceId", e.stance::text as stance, e.voice::text as voice,
        count(*)::int as count, (array_agg(x.id order by x.start, x.id))[1]::text as "excerptId", min(x.start)::int as start
      from ${liveSql.evidence}
      where e."workspaceId" = ${workspaceId}::uuid ${onlyClaims}
      group by e."claimId", x."sourceId", e.stance, e.voice`,
    prisma.position.findMany({
      where: { workspaceId, ...liveWhere.position, ...(narrowed ? { claimId: { in: ids } } : {}) },
      select: { claimId: true, authorId: true, stance: true, note: true, version: true },
    }),
  ]);

  const sources = placeOnTimeline(
    sourceRows.map((s) => ({ id: s.id, title: s.title, authorId: s.author.id, published: formatPublished(s.publishedOn, s.publishedPrecision as TDatePrecision) })),
  );
  const authorOf = new Map(sourceRows.map((s) => [s.id, s.author]));
  const authorInputs = new Map<string, TMatrixAuthorInput>();
  for (const source of sources) {
    const author = authorOf.get(source.id)!;
    const entry = authorInputs.get(author.id) ?? { ...author, published: [] };
    entry.published.push(source.published);
    authorInputs.set(author.id, entry);
  }
  const matrix = buildMatrix({
    authors: [...authorInputs.values()],
    claims,
    evidence: evidence.map((e) => ({ claimId: e.claimId, authorId: authorOf.get(e.sourceId)!.id, stance: e.stance, voice: e.voice, count: e.count })),
    explicit: explicit.map((p) => ({ ...p, stance: p.stance as TPositionStance })),
  });
  const rows = buildTimeline({ sources, claimIds: matrix.claims.map((c) => c.id), evidence });
  return {
    authors: matrix.authors,
    sources,
    axis: axisOf(sources),
    claims: matrix.claims.map((claim, i) => ({ id: claim.id, text: claim.text, marks: rows[i].marks, positions: claim.positions })),
    total,
  };
}

/** Marks the timeline page renders before asking the reader to show more (each claim has one per source). */
const MARKS_PER_PAGE = 2500;

/** How many claims the timeline page shows at first: all of a small map, fewer when it has many sources. */
export async function timelineRowsPerPage(workspaceId: string): Promise<number> {
  const sources = await db().source.count({ where: { workspaceId, ...liveWhere.source } });
  return Math.max(20, Math.floor(MARKS_PER_PAGE / Math.max(1, sources)));
}
