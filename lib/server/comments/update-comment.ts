import "server-only";
import { mayEditComment } from "../../domain/comments";
import { AppError } from "../../errors/app-error";
import type { TUpdateComment } from "../../schemas/comments";
import { assertVersion, type TMutationContext } from "../mutation";
import { COMMENT_FIELDS, conflictView, findComment } from "./find-comment";

/** Changes a comment's text; only its author may. 409 with the current comment when `version` is stale. */
export async function updateComment({ tx, workspace, viewer, role, record }: TMutationContext, commentId: string, input: TUpdateComment) {
  const before = await findComment(tx, workspace.id, commentId);
  if (!mayEditComment({ userId: viewer.userId, role }, before)) throw new AppError("FORBIDDEN", "Only the author of a comment can edit it.");
  assertVersion(before, input.version, "This comment", conflictView(before));
  if (before.body === input.body) return before;
  // The version guard in the WHERE clause closes the gap between the read and the write.
  const updated = await tx.comment.updateManyAndReturn({
    where: { id: commentId, version: input.version, deletedAt: null },
    data: { body: input.body, editedAt: new Date(), version: { increment: 1 } },
    select: COMMENT_FIELDS,
  });
  if (updated.length === 0) {
    const current = await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: COMMENT_FIELDS });
    assertVersion(current, input.version, "This comment", conflictView(current));
  }
  const after = updated[0];
  record({ type: "comment.updated", entityType: "comment", entityId: commentId, before, after });
  return after;
}
