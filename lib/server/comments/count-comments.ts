import "server-only";
import { db } from "../../db/client";

/**
 * Live comments per evidence link of a claim (one grouped query; links without any are left out).
 * Asked by claim rather than by link ids, so it runs alongside the query that reads the links.
 */
export async function countCommentsByEvidence(workspaceId: string, claimId: string): Promise<Record<string, number>> {
  const groups = await db().comment.groupBy({
    by: ["evidenceId"],
    where: { workspaceId, deletedAt: null, evidence: { claimId, deletedAt: null } },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.evidenceId!, g._count._all]));
}
