import "server-only";
import { AppError } from "../../errors/app-error";
import { DELETED_WORKSPACE_KEEP_DAYS } from "../../db/housekeeping";
import type { TMutationContext } from "../mutation";

/**
 * An owner deletes the workspace, having typed its title to confirm. The delete is soft: for
 * 30 days its owners can restore it from their account page; then the housekeeping job removes it
 * and everything in it. Open event streams end at once (the hub re-checks access on this event).
 */
export async function deleteWorkspace({ tx, workspace, record }: TMutationContext, confirm: string) {
  if (confirm.trim() !== workspace.title.trim()) {
    throw new AppError("UNPROCESSABLE", `Type the workspace's title exactly ("${workspace.title}") to delete it.`, { issues: [{ path: "confirm", message: "does not match the title" }] });
  }
  const deletedAt = new Date();
  await tx.workspace.update({ where: { id: workspace.id }, data: { deletedAt, version: { increment: 1 } } });
  await tx.presence.deleteMany({ where: { workspaceId: workspace.id } });
  record({ type: "workspace.deleted", entityId: workspace.id, before: { title: workspace.title }, after: { deletedAt } });
  const purgeAfter = new Date(deletedAt.getTime() + DELETED_WORKSPACE_KEEP_DAYS * 86_400_000);
  return { status: 200, body: { slug: workspace.slug, deletedAt: deletedAt.toISOString(), purgeAfter: purgeAfter.toISOString() } };
}
