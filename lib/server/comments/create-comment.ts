import "server-only";
import type { TCreateComment } from "../../schemas/comments";
import { AppError, notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { COMMENT_FIELDS } from "./find-comment";
import { TARGET_COLUMN, findCommentTarget, targetOf } from "./find-comment-target";

/**
 * Starts a thread on a live claim, excerpt or evidence link, or replies in one (`parentId`: the
 * thread's first comment, which must be live and on the same target). Replies are one level deep.
 */
export async function createComment({ tx, workspace, viewer, record }: TMutationContext, input: TCreateComment) {
  await findCommentTarget(tx, workspace.id, input.target);
  if (input.parentId) {
    const parent = await tx.comment.findFirst({
      where: { id: input.parentId, workspaceId: workspace.id, deletedAt: null },
      select: { parentId: true, claimId: true, excerptId: true, evidenceId: true },
    });
    if (!parent) throw notFound("The comment to reply to");
    if (parent.parentId) throw new AppError("UNPROCESSABLE", "Replies are one level deep: reply to the first comment of the thread instead.", { issues: [{ path: "parentId", message: "This comment is itself a reply" }] });
    const thread = targetOf(parent);
    if (thread.type !== input.target.type || thread.id !== input.target.id) {
      throw new AppError("UNPROCESSABLE", `A reply belongs to its thread's ${thread.type}: send the thread's target with it.`, {
        issues: [{ path: "target", message: `The thread is on ${thread.type} ${thread.id}` }],
      });
    }
  }
  const comment = await tx.comment.create({
    data: { workspaceId: workspace.id, [TARGET_COLUMN[input.target.type]]: input.target.id, parentId: input.parentId ?? null, authorId: viewer.userId, body: input.body },
    select: COMMENT_FIELDS,
  });
  record({ type: "comment.created", entityId: comment.id, after: comment });
  return comment;
}
