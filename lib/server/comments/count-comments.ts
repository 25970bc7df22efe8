import "server-only";
import { db } from "../../db/client";

/** Live comments per evidence link, for the given links (one grouped query; links without any are left out). */
export async function countCommentsByEvidence(workspaceId: string, evidenceIds: readonly string[]): Promise<Record<string, number>> {
  if (evidenceIds.length === 0) return {};
  const groups = await db().comment.groupBy({
    by: ["evidenceId"],
    where: { workspaceId, evidenceId: { in: [...evidenceIds] }, deletedAt: null },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.evidenceId!, g._count._all]));
}
