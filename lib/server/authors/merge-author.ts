import "server-only";
import { AppError, notFound } from "../../errors/app-error";
import type { TMergeAuthor } from "../../schemas/sources";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { AUTHOR_FIELDS, type TAuthorRow } from "./author-fields";

/** What a merge moved, recorded in its Event so that undoing it can take exactly that back. */
export interface TMergeRecord {
  into: TAuthorRow;
  sources: string[];
  positionsMoved: string[];
  positionsCleared: string[];
}

/**
 * Merges an author into another, both at the versions the caller saw (409 when either is stale):
 * its sources (deleted ones too, so an undone delete lands with the right author) and its
 * positions set by hand move to the other author, except where the other already has a position
 * on that claim — that one wins, and the merged author's is cleared. The merged author stays,
 * marked as merged: its name now files new sources under the other. Positions are derived again
 * from the moved evidence. Undoing the merge takes back exactly what moved.
 */
export async function mergeAuthor({ tx, workspace, record }: TMutationContext, authorId: string, input: TMergeAuthor) {
  if (authorId === input.intoId) throw new AppError("UNPROCESSABLE", "An author cannot be merged into itself.", { issues: [{ path: "intoId", message: "the same author" }] });
  const [from, into] = await Promise.all([
    tx.author.findFirst({ where: { id: authorId, workspaceId: workspace.id, mergedIntoId: null }, select: AUTHOR_FIELDS }),
    tx.author.findFirst({ where: { id: input.intoId, workspaceId: workspace.id, mergedIntoId: null }, select: AUTHOR_FIELDS }),
  ]);
  if (!from) throw notFound("Author");
  if (!into) throw notFound("The author to merge into");
  const fromAfter = await updateVersioned<TAuthorRow>(tx, "author", { before: from, version: input.version, what: "This author", select: AUTHOR_FIELDS, data: { mergedIntoId: into.id }, where: { mergedIntoId: null } });
  const intoAfter = await updateVersioned<TAuthorRow>(tx, "author", { before: into, version: input.intoVersion, what: "The author to merge into", select: AUTHOR_FIELDS, data: {}, where: { mergedIntoId: null } });

  const sources = await tx.source.updateManyAndReturn({ where: { authorId: from.id, workspaceId: workspace.id }, data: { authorId: into.id, version: { increment: 1 } }, select: { id: true } });
  const positions = await tx.position.findMany({ where: { authorId: from.id, deletedAt: null }, select: { id: true, claimId: true } });
  const taken = new Set(
    (await tx.position.findMany({ where: { authorId: into.id, claimId: { in: positions.map((p) => p.claimId) } }, select: { claimId: true } })).map((p) => p.claimId),
  );
  const moving = positions.filter((p) => !taken.has(p.claimId)).map((p) => p.id);
  const clearing = positions.filter((p) => taken.has(p.claimId)).map((p) => p.id);
  if (moving.length) await tx.position.updateMany({ where: { id: { in: moving } }, data: { authorId: into.id, version: { increment: 1 } } });
  if (clearing.length) await tx.position.updateMany({ where: { id: { in: clearing } }, data: { deletedAt: new Date(), version: { increment: 1 } } });

  const merged: TMergeRecord = { into: intoAfter, sources: sources.map((s) => s.id), positionsMoved: moving, positionsCleared: clearing };
  record({ type: "author.merged", entityId: from.id, before: from, after: { ...fromAfter, ...merged } });
  return { author: fromAfter, into: intoAfter, sources: merged.sources.length, positionsMoved: moving.length, positionsCleared: clearing.length };
}
