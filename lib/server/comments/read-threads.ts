import "server-only";
import { db } from "../../db/client";
import { buildThreads, type TCommentAccess, type TCommentTarget, type TCommentThread } from "../../domain/comments";
import { COMMENT_FIELDS } from "./find-comment";
import { TARGET_COLUMN } from "./find-comment-target";

/**
 * The threads of one target (the caller has checked that it is live and readable). One indexed
 * query by (target, createdAt), with author and resolver names joined.
 */
export async function readThreads(workspaceId: string, target: TCommentTarget, access: TCommentAccess): Promise<TCommentThread[]> {
  const rows = await db().comment.findMany({
    where: { workspaceId, [TARGET_COLUMN[target.type]]: target.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...COMMENT_FIELDS,
      importedResolverName: true,
      author: { select: { name: true } },
      resolvedBy: { select: { name: true } },
    },
  });
  return buildThreads(
    rows.map(({ author, resolvedBy, importedResolverName, ...row }) => ({ ...row, authorName: author.name, resolvedByName: importedResolverName ?? resolvedBy?.name ?? null })),
    access,
  );
}
