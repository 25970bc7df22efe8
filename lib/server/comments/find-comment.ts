import "server-only";
import { notFound } from "../../errors/app-error";
import type { TTx } from "../mutation";

/** What a comment's writes read, return and record in their Events. */
export const COMMENT_FIELDS = {
  id: true,
  claimId: true,
  excerptId: true,
  evidenceId: true,
  parentId: true,
  authorId: true,
  importedAuthorName: true,
  body: true,
  version: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  resolvedAt: true,
  resolvedById: true,
} as const;

/** A live (not deleted) comment of the workspace; else 404. */
export async function findComment(tx: TTx, workspaceId: string, commentId: string) {
  const comment = await tx.comment.findFirst({ where: { id: commentId, workspaceId, deletedAt: null }, select: COMMENT_FIELDS });
  if (!comment) throw notFound("Comment");
  return comment;
}

/** A comment as a 409 shows it: a deleted one without its text. */
export function conflictView<T extends { body: string; deletedAt: Date | null }>(row: T): Omit<T, "body"> & { body: string | null } {
  return { ...row, body: row.deletedAt ? null : row.body };
}
