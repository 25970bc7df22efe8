import "server-only";
import { db, Prisma } from "../../db/client";
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
 * How positions on one claim (or on every claim) moved across publication dates: a mark per
 * source with the stance that source's AUTHOR-voice evidence gives, and each author's overall
 * position — resolved by the matrix's own `buildMatrix`, so the two views cannot disagree.
 */
export async function getTimeline(workspaceId: string, claimId?: string): Promise<TTimeline> {
  const prisma = db();
  const claims = await prisma.claim.findMany({
    where: { workspaceId, deletedAt: null, ...(claimId ? { id: claimId } : {}) },
    orderBy: { rank: "asc" },
    select: { id: true, text: true, tags: true, rank: true },
  });
  if (claimId && claims.length === 0) throw notFound("Claim");
  const onlyClaim = claimId ? Prisma.sql`and e."claimId" = ${claimId}::uuid` : Prisma.empty;
  const [sourceRows, evidence, explicit] = await Promise.all([
    prisma.source.findMany({
      where: { workspaceId, deletedAt: null },
      select: { id: true, title: true, publishedOn: true, publishedPrecision: true, author: { select: { id: true, name: true, shortName: true } } },
    }),
    // One row per (claim, source, stance, voice), with the group's passage that comes first in the source.
    prisma.$queryRaw<TTimelineEvidenceInput[]>`
      select e."claimId"::text as "claimId", x."sourceId"::text as "sourceId", e.stance::text as stance, e.voice::text as voice,
        count(*)::int as count, (array_agg(x.id order by x.start, x.id))[1]::text as "excerptId", min(x.start)::int as start
      from "Evidence" e
      join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null
      join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
      join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
      where e."workspaceId" = ${workspaceId}::uuid and e."deletedAt" is null ${onlyClaim}
      group by e."claimId", x."sourceId", e.stance, e.voice`,
    prisma.position.findMany({
      where: { workspaceId, deletedAt: null, ...(claimId ? { claimId } : {}) },
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
  };
}
