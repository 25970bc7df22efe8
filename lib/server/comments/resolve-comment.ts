import "server-only";
import { mayResolveThread } from "../../domain/comments";
import { AppError } from "../../errors/app-error";
import type { TResolveComment } from "../../schemas/comments";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
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
  const edit = { before, version: input.version, what: "This thread", select: COMMENT_FIELDS, view: conflictView, where: { deletedAt: null } };
  // Asking for the state the thread is already in changes nothing, but a stale version is still 409.
  if ((before.resolvedAt !== null) === input.resolved) return before.version === input.version ? before : updateVersioned(tx, "comment", { ...edit, data: {} });
  const after = await updateVersioned(tx, "comment", {
    ...edit,
    data: input.resolved ? { resolvedAt: new Date(), resolvedById: viewer.userId } : { resolvedAt: null, resolvedById: null },
  });
  record({ type: input.resolved ? "comment.resolved" : "comment.reopened", entityId: commentId, before, after });
  return after;
}
