import "server-only";
import { db } from "../../db/client";

/** The workspace's rounds, newest first, with their size. */
export async function listRounds(workspaceId: string) {
  const rounds = await db().round.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, title: true, createdAt: true, closedAt: true, _count: { select: { items: true } } },
  });
  return rounds.map((r) => ({ id: r.id, title: r.title, createdAt: r.createdAt, closedAt: r.closedAt, items: r._count.items }));
}
