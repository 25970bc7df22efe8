import "server-only";
import { mayEditComment } from "../../domain/comments";
import { AppError } from "../../errors/app-error";
import type { TUpdateComment } from "../../schemas/comments";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { COMMENT_FIELDS, conflictView, findComment } from "./find-comment";

/** Changes a comment's text; only its author may. 409 with the current comment when `version` is stale. */
export async function updateComment({ tx, workspace, viewer, role, record }: TMutationContext, commentId: string, input: TUpdateComment) {
  const before = await findComment(tx, workspace.id, commentId);
  if (!mayEditComment({ userId: viewer.userId, role }, before)) throw new AppError("FORBIDDEN", "Only the author of a comment can edit it.");
  const edit = { before, version: input.version, what: "This comment", select: COMMENT_FIELDS, view: conflictView, where: { deletedAt: null } };
  // The same text again changes nothing, but a stale version is still 409.
  if (before.body === input.body) return before.version === input.version ? before : updateVersioned(tx, "comment", { ...edit, data: {} });
  const after = await updateVersioned(tx, "comment", { ...edit, data: { body: input.body, editedAt: new Date() } });
  record({ type: "comment.updated", entityId: commentId, before, after });
  return after;
}
