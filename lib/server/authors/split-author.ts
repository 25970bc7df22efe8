import "server-only";
import { AppError, notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { AUTHOR_FIELDS, type TAuthorRow } from "./author-fields";
import type { TMergeRecord } from "./merge-author";

/**
 * Undoes a merge of authors (`after` is the merge Event's): the merged author is separate again
 * and takes back the sources and positions the merge moved — still where the merge left them —
 * and the positions it cleared come back. 409 when either author was changed since (a later edit
 * or merge would otherwise be undone with it).
 */
export async function splitAuthor({ tx, workspace, record }: TMutationContext, authorId: string, after: Record<string, unknown>, undoOf: string): Promise<string> {
  const merge = after as unknown as TAuthorRow & TMergeRecord;
  const [from, into] = await Promise.all([
    tx.author.findFirst({ where: { id: authorId, workspaceId: workspace.id }, select: AUTHOR_FIELDS }),
    tx.author.findFirst({ where: { id: merge.into.id, workspaceId: workspace.id }, select: AUTHOR_FIELDS }),
  ]);
  if (!from || !into) throw notFound("The changed item");
  if (from.mergedIntoId !== into.id) throw new AppError("CONFLICT", "These authors are no longer merged.");
  const fromAfter = await updateVersioned<TAuthorRow>(tx, "author", { before: from, version: merge.version, what: "This author", select: AUTHOR_FIELDS, data: { mergedIntoId: null } });
  const intoAfter = await updateVersioned<TAuthorRow>(tx, "author", { before: into, version: merge.into.version, what: "The author it was merged into", select: AUTHOR_FIELDS, data: {} });
  await tx.source.updateMany({ where: { id: { in: merge.sources }, authorId: into.id }, data: { authorId: from.id, version: { increment: 1 } } });
  if (merge.positionsMoved.length) await tx.position.updateMany({ where: { id: { in: merge.positionsMoved }, authorId: into.id }, data: { authorId: from.id, version: { increment: 1 } } });
  if (merge.positionsCleared.length) await tx.position.updateMany({ where: { id: { in: merge.positionsCleared }, authorId: from.id }, data: { deletedAt: null, version: { increment: 1 } } });
  record({ type: "author.split", entityId: authorId, before: from, after: { ...fromAfter, into: intoAfter, undoOf } });
  return undoOf;
}
