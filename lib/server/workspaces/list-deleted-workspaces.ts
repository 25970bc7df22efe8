import "server-only";
import { db } from "../../db/client";
import { DELETED_WORKSPACE_KEEP_DAYS } from "../../db/housekeeping";

/** Workspaces the user owns that were deleted and can still be restored, with when they will be purged. */
export async function listDeletedWorkspaces(userId: string) {
  const since = new Date(Date.now() - DELETED_WORKSPACE_KEEP_DAYS * 86_400_000);
  const rows = await db().workspace.findMany({
    where: { deletedAt: { gt: since }, members: { some: { userId, role: "OWNER" } } },
    orderBy: { deletedAt: "desc" },
    select: { slug: true, title: true, deletedAt: true },
  });
  return rows.map((w) => ({ slug: w.slug, title: w.title, deletedAt: w.deletedAt!.toISOString(), purgeAfter: new Date(w.deletedAt!.getTime() + DELETED_WORKSPACE_KEEP_DAYS * 86_400_000).toISOString() }));
}
