import "server-only";
import { db, Prisma } from "../../db/client";
import { mapSourcesAndAuthors, positionsFromMatrix, type TMapExcerpt, type TMapEvidence, type TMapGraph } from "../../domain/map-graph";
import { buildMatrix } from "../../domain/matrix";
import type { TDatePrecision, TPositionStance, TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";

export interface TMapGraphScope {
  /**
   * Only these claims, with their evidence, the excerpts behind it, their positions and the links
   * between them (authors and sources stay complete). Views of very large maps use it; exports
   * leave it out and get the whole map.
   */
  claimIds?: readonly string[];
  /** False leaves excerpts and evidence out (positions still count them). Default true. */
  evidence?: boolean;
}

/**
 * The canonical map model of a workspace (see lib/domain/map-graph.ts), read in one round of
 * parallel queries. Excerpts and evidence come through SQL joins that drop anything whose source,
 * excerpt or claim is soft-deleted; positions are resolved by the same `buildMatrix` as the
 * matrix, from evidence the database has already grouped by (claim, author, stance, voice).
 */
export async function getMapGraph(workspaceId: string, scope: TMapGraphScope = {}): Promise<TMapGraph> {
  const prisma = db();
  const ids = scope.claimIds ? [...scope.claimIds] : null;
  const withEvidence = scope.evidence ?? true;
  const evidenceOfScope = ids ? Prisma.sql`and e."claimId" = any(${ids}::uuid[])` : Prisma.empty;
  const liveEvidence = Prisma.sql`
    from "Evidence" e
    join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
    join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null
    join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
    where e."workspaceId" = ${workspaceId}::uuid and e."deletedAt" is null ${evidenceOfScope}`;

  const [workspace, sources, claims, links, excerpts, evidence, grouped, explicit] = await Promise.all([
    prisma.workspace.findFirst({ where: { id: workspaceId, deletedAt: null }, select: { slug: true, title: true, description: true, visibility: true } }),
    prisma.source.findMany({
      where: { workspaceId, deletedAt: null },
      orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
      select: {
        id: true, title: true, authorId: true, publication: true, publishedOn: true, publishedPrecision: true, publishedNote: true, url: true,
        author: { select: { name: true, shortName: true, affiliation: true } },
      },
    }),
    prisma.claim.findMany({
      where: { workspaceId, deletedAt: null, ...(ids ? { id: { in: ids } } : {}) },
      orderBy: [{ rank: "asc" }, { createdAt: "asc" }],
      select: { id: true, text: true, tags: true, rank: true },
    }),
    prisma.claimLink.findMany({
      where: {
        workspaceId,
        deletedAt: null,
        fromClaim: { deletedAt: null, ...(ids ? { id: { in: ids } } : {}) },
        toClaim: { deletedAt: null, ...(ids ? { id: { in: ids } } : {}) },
      },
      orderBy: { createdAt: "asc" },
      select: { id: true, fromClaimId: true, toClaimId: true, relation: true },
    }),
    !withEvidence
      ? Promise.resolve([])
      : ids
        ? // The excerpts behind the scope's evidence.
          prisma.$queryRaw<TMapExcerpt[]>`
            select x.id, x."sourceId", x.start, x."end", x.exact, x.prefix, x.suffix
            from "Excerpt" x join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
            where x."workspaceId" = ${workspaceId}::uuid and x."deletedAt" is null
              and x.id in (select e."excerptId" ${liveEvidence})
            order by s."publishedOn", s.title, x."sourceId", x.start, x."end"`
        : // Every live excerpt, also those that back no claim yet.
          prisma.$queryRaw<TMapExcerpt[]>`
            select x.id, x."sourceId", x.start, x."end", x.exact, x.prefix, x.suffix
            from "Excerpt" x join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
            where x."workspaceId" = ${workspaceId}::uuid and x."deletedAt" is null
            order by s."publishedOn", s.title, x."sourceId", x.start, x."end"`,
    !withEvidence
      ? Promise.resolve([])
      : prisma.$queryRaw<TMapEvidence[]>`
          select e.id, e."excerptId", e."claimId", e.stance::text as stance, e.voice::text as voice, e.note
          ${liveEvidence}
          order by c.rank, c."createdAt", s."publishedOn", s.title, x.start, e."createdAt", e.id`,
    prisma.$queryRaw<{ claimId: string; authorId: string; stance: TStance; voice: TVoice; count: number }[]>`
      select e."claimId", s."authorId", e.stance::text as stance, e.voice::text as voice, count(*)::int as count
      ${liveEvidence}
      group by e."claimId", s."authorId", e.stance, e.voice`,
    prisma.position.findMany({
      where: { workspaceId, deletedAt: null, claim: { deletedAt: null }, ...(ids ? { claimId: { in: ids } } : {}) },
      select: { claimId: true, authorId: true, stance: true, note: true, version: true },
    }),
  ]);
  if (!workspace) throw notFound("Workspace");

  const { sources: mapSources, authors, matrixAuthors } = mapSourcesAndAuthors(
    sources.map(({ publishedPrecision, ...s }) => ({ ...s, publishedPrecision: publishedPrecision as TDatePrecision })),
  );

  const matrix = buildMatrix({
    authors: matrixAuthors,
    claims,
    evidence: grouped,
    explicit: explicit.map((p) => ({ ...p, stance: p.stance as TPositionStance })),
  });

  return {
    workspace,
    authors,
    sources: mapSources,
    claims,
    claimLinks: links,
    excerpts,
    evidence,
    positions: positionsFromMatrix(matrix),
  };
}
