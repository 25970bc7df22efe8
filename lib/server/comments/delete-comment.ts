import "server-only";
import { mayDeleteComment } from "../../domain/comments";
import { AppError } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { softDeleteVersioned } from "../versioned";
import { COMMENT_FIELDS, conflictView, findComment } from "./find-comment";

/**
 * Soft-deletes a comment: its author may, and so may the workspace's owner. A thread's first
 * comment with replies stays as a placeholder without its text.
 */
export async function deleteComment({ tx, workspace, viewer, role, record }: TMutationContext, commentId: string, version: number) {
  const before = await findComment(tx, workspace.id, commentId);
  if (!mayDeleteComment({ userId: viewer.userId, role }, before)) throw new AppError("FORBIDDEN", "Only the author of a comment, or the workspace's owner, can delete it.");
  const after = conflictView(await softDeleteVersioned(tx, "comment", { before, version, what: "This comment", select: COMMENT_FIELDS, view: conflictView }));
  // Once deleted, the text is gone from every view, the history included: the log keeps that the
  // comment was written, edited and deleted, not what it said.
  await tx.$executeRaw`
    update "Event" set
      before = case when jsonb_typeof(before) = 'object' then before - 'body' else before end,
      after = case when jsonb_typeof(after) = 'object' then after - 'body' else after end
    where "workspaceId" = ${workspace.id}::uuid and "entityType" = 'comment' and "entityId" = ${commentId}::uuid`;
  const { body: _text, ...withoutText } = before;
  record({ type: "comment.deleted", entityId: commentId, before: withoutText, after });
  return after;
}
