import "server-only";
import { db } from "../../db/client";
import { liveSql, liveWhere } from "../../db/live-rows";
import type { TGraphOutline } from "../../domain/argument-graph";

/**
 * How big each claim's part of the argument graph would be — its evidence links and how many
 * authors they come from — without reading any excerpt, so that the graph page can decide what
 * to draw before it loads a large map.
 */
export async function getGraphOutline(workspaceId: string): Promise<TGraphOutline> {
  const prisma = db();
  const [claims, links, counts] = await Promise.all([
    prisma.claim.findMany({ where: { workspaceId, ...liveWhere.claim }, orderBy: [{ rank: "asc" }, { createdAt: "asc" }], select: { id: true, text: true, tags: true, rank: true } }),
    prisma.claimLink.findMany({
      where: { workspaceId, ...liveWhere.claimLink },
      select: { fromClaimId: true, toClaimId: true },
    }),
    prisma.$queryRaw<{ claimId: string; evidence: number; authors: number }[]>`
      select e."claimId", count(*)::int as evidence, count(distinct s."authorId")::int as authors
      from ${liveSql.evidenceOfLiveExcerpts}
      where e."workspaceId" = ${workspaceId}::uuid
      group by e."claimId"`,
  ]);
  const byClaim = new Map(counts.map((c) => [c.claimId, c]));
  return {
    claims: claims.map((c) => ({ ...c, evidence: byClaim.get(c.id)?.evidence ?? 0, authors: byClaim.get(c.id)?.authors ?? 0 })),
    links,
  };
}
