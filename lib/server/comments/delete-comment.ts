import "server-only";
import { mayDeleteComment } from "../../domain/comments";
import { AppError } from "../../errors/app-error";
import { assertVersion, type TMutationContext } from "../mutation";
import { COMMENT_FIELDS, conflictView, findComment } from "./find-comment";

/**
 * Soft-deletes a comment: its author may, and so may the workspace's owner. A thread's first
 * comment with replies stays as a placeholder without its text.
 */
export async function deleteComment({ tx, workspace, viewer, role, record }: TMutationContext, commentId: string, version: number) {
  const before = await findComment(tx, workspace.id, commentId);
  if (!mayDeleteComment({ userId: viewer.userId, role }, before)) throw new AppError("FORBIDDEN", "Only the author of a comment, or the workspace's owner, can delete it.");
  assertVersion(before, version, "This comment", conflictView(before));
  const updated = await tx.comment.updateManyAndReturn({
    where: { id: commentId, version, deletedAt: null },
    data: { deletedAt: new Date(), version: { increment: 1 } },
    select: COMMENT_FIELDS,
  });
  if (updated.length === 0) {
    const current = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: COMMENT_FIELDS });
    assertVersion(current, version, "This comment", conflictView(current));
  }
  const after = conflictView(updated[0]);
  record({ type: "comment.deleted", entityType: "comment", entityId: commentId, before, after });
  return after;
}
