import "server-only";
import { db } from "../../db/client";
import { AppError, notFound } from "../../errors/app-error";
import type { TViewer } from "../authorize";
import { transact } from "../mutation";
import { DELETED_WORKSPACE_KEEP_DAYS } from "../../db/housekeeping";

/**
 * Brings back a deleted workspace, as it was, within 30 days of its delete. Only its owners may;
 * to everyone else a deleted workspace does not exist (404). A workspace that is not deleted is
 * a 409 for its owners.
 */
export async function restoreWorkspace(viewer: TViewer, slug: string) {
  const found = await db().workspace.findUnique({
    where: { slug },
    select: { id: true, title: true, deletedAt: true, members: { where: { userId: viewer.userId, role: "OWNER" }, select: { id: true } } },
  });
  if (!found || found.members.length === 0) throw notFound("Workspace");
  if (!found.deletedAt) throw new AppError("CONFLICT", "This workspace is not deleted.");
  if (found.deletedAt.getTime() < Date.now() - DELETED_WORKSPACE_KEEP_DAYS * 86_400_000) throw notFound("Workspace");
  return transact({ viewer }, async (tx, record) => {
    const restored = await tx.workspace.updateManyAndReturn({
      where: { id: found.id, deletedAt: { not: null } },
      data: { deletedAt: null, version: { increment: 1 } },
      select: { slug: true, title: true, version: true },
    });
    if (restored.length !== 1) throw new AppError("CONFLICT", "This workspace is not deleted.");
    record({ workspaceId: found.id, type: "workspace.restored", entityId: found.id, before: { deletedAt: found.deletedAt }, after: { deletedAt: null } });
    return { status: 200, body: restored[0] };
  });
}
