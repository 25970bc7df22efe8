import "server-only";
import { parsePublished } from "../../domain/dates";
import { AppError, notFound } from "../../errors/app-error";
import type { TUpdateSource } from "../../schemas/sources";
import { findOrCreateAuthor, resolveMergedAuthor } from "../authors/find-or-create-author";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { checkSourceTextSize, replaceSourceText, type TReanchored } from "./replace-source-text";
import { describeSource, SOURCE_FIELDS, type TSourceRow } from "./source-fields";

/**
 * Edits a source's details and, when `text` differs, revises its text: the old text is kept as a
 * SourceRevision and every excerpt is placed again (unchanged, moved, approximately, or orphaned;
 * see `replaceSourceText`). One Event records the change, undoable from the history (an undone
 * revision puts the text and every excerpt back). 409 with the current details when `version` is
 * stale, before anything is written.
 */
export async function updateSource(ctx: TMutationContext, sourceId: string, input: TUpdateSource): Promise<{ source: ReturnType<typeof describeSource>; reanchored?: TReanchored }> {
  const { tx, workspace, record } = ctx;
  const revising = input.text !== undefined;
  const found = await tx.source.findFirst({ where: { id: sourceId, workspaceId: workspace.id, deletedAt: null }, select: { ...SOURCE_FIELDS, text: revising, pageStarts: revising } });
  if (!found) throw notFound("Source");
  const { text: oldText, pageStarts: oldPages, ...before } = found as TSourceRow & { text?: string; pageStarts?: number[] };
  // A stale edit is refused before any author is made or any text is checked.
  if (before.version !== input.version) await updateVersioned<TSourceRow>(tx, "source", { before, version: input.version, what: "This source", select: SOURCE_FIELDS, data: {} });

  const data: Record<string, unknown> = {};
  if (input.title !== undefined) data.title = input.title;
  if (input.publication !== undefined) data.publication = input.publication || null;
  if (input.publishedNote !== undefined) data.publishedNote = input.publishedNote || null;
  if (input.url !== undefined) data.url = input.url || null;
  if (input.published !== undefined) {
    const published = parsePublished(input.published)!;
    data.publishedOn = published.date;
    data.publishedPrecision = published.precision;
  }
  if (input.author) data.authorId = "id" in input.author ? await resolveMergedAuthor(tx, workspace.id, input.author.id) : await findOrCreateAuthor(ctx, input.author);
  const newText = revising && input.text !== oldText ? input.text! : null;
  if (newText !== null) {
    checkSourceTextSize(newText);
    data.text = newText;
    // Where a PDF's pages started holds for the text read from it, not for a revised one.
    if (oldPages && oldPages.length > 0) data.pageStarts = [];
  }
  if (Object.keys(data).length === 0) throw new AppError("BAD_REQUEST", "Send at least one field to change: title, publication, published, publishedNote, url, author or text.");

  const after = await updateVersioned<TSourceRow>(tx, "source", { before, version: input.version, what: "This source", select: SOURCE_FIELDS, data, where: { deletedAt: null } });
  const replaced = newText !== null ? await replaceSourceText(ctx, { id: sourceId, oldVersion: before.version, oldText: oldText!, newText }) : null;
  record({
    type: "source.updated",
    entityId: sourceId,
    before,
    after: { ...after, ...(replaced ? { revision: { id: replaced.revisionId, length: newText!.length, excerpts: replaced.moves, ...(oldPages?.length ? { pages: oldPages } : {}) } } : {}) },
  });
  const author = await tx.author.findUniqueOrThrow({ where: { id: after.authorId }, select: { id: true, name: true, shortName: true } });
  return { source: describeSource(after, author), ...(replaced ? { reanchored: replaced.reanchored } : {}) };
}
