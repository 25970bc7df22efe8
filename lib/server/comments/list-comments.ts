import "server-only";
import { db } from "../../db/client";
import { countLive, mayComment, type TCommentAccess, type TCommentList, type TCommentTarget } from "../../domain/comments";
import { findCommentTarget } from "./find-comment-target";
import { readThreads } from "./read-threads";

/** The threads on a claim, an excerpt or an evidence link; 404 when the target is not live here. */
export async function listComments(workspaceId: string, target: TCommentTarget, access: TCommentAccess): Promise<TCommentList> {
  await findCommentTarget(db(), workspaceId, target);
  const threads = await readThreads(workspaceId, target, access);
  return { target, threads, count: countLive(threads), canComment: mayComment(access) };
}
