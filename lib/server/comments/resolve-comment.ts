import "server-only";
import { mayResolveThread } from "../../domain/comments";
import { AppError } from "../../errors/app-error";
import type { TResolveComment } from "../../schemas/comments";
import { assertVersion, type TMutationContext } from "../mutation";
import { COMMENT_FIELDS, conflictView, findComment } from "./find-comment";

/**
 * Resolves (`resolved: true`) or reopens a thread, by its first comment: whoever started the
 * thread may, and so may editors and owners. A reply cannot be resolved on its own (422). Asking
 * for the state the thread is already in changes nothing.
 */
export async function resolveComment({ tx, workspace, viewer, role, record }: TMutationContext, commentId: string, input: TResolveComment) {
  const before = await findComment(tx, workspace.id, commentId);
  if (before.parentId) throw new AppError("UNPROCESSABLE", "Only a thread is resolved, not a reply: resolve the first comment of the thread.");
  if (!mayResolveThread({ userId: viewer.userId, role }, before)) throw new AppError("FORBIDDEN", "Only whoever started the thread, an editor or the owner can resolve or reopen it.");
  assertVersion(before, input.version, "This thread", conflictView(before));
  if ((before.resolvedAt !== null) === input.resolved) return before;
  const updated = await tx.comment.updateManyAndReturn({
    where: { id: commentId, version: input.version, deletedAt: null },
    data: input.resolved ? { resolvedAt: new Date(), resolvedById: viewer.userId, version: { increment: 1 } } : { resolvedAt: null, resolvedById: null, version: { increment: 1 } },
    select: COMMENT_FIELDS,
  });
  if (updated.length === 0) {
    const current = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: COMMENT_FIELDS });
    assertVersion(current, input.version, "This thread", conflictView(current));
  }
  const after = updated[0];
  record({ type: input.resolved ? "comment.resolved" : "comment.reopened", entityType: "comment", entityId: commentId, before, after });
  return after;
}
