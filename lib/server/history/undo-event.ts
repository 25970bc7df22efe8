import "server-only";
import { EVENT_CATALOG, eventTypesWhere, isEventType, undoTypeOf, type TEventEntity, type TEventType } from "../../domain/events";
import { AppError, notFound } from "../../errors/app-error";
import type { TMutationContext, TTx } from "../mutation";
import { AUTHOR_FIELDS, AUTHOR_RESTORABLE } from "../authors/author-fields";
import { splitAuthor } from "../authors/split-author";
import { replaceSourceText, type TExcerptMove } from "../sources/replace-source-text";
import { SOURCE_FIELDS, SOURCE_RESTORABLE, type TSourceRow } from "../sources/source-fields";
import { updateVersioned, type TVersionedModel } from "../versioned";

/** Changes that can be undone (the event catalog says which, and how). */
export const UNDOABLE_TYPES: ReadonlySet<string> = new Set(eventTypesWhere((spec) => spec.undo !== null));

/** Fields a `revert` puts back, per entity. */
const RESTORABLE: Partial<Record<TEventEntity, readonly string[]>> = {
  claim: ["text", "tags"],
  evidence: ["stance", "voice", "note"],
  position: ["stance", "note"],
  author: AUTHOR_RESTORABLE,
  excerpt: ["start", "end", "exact", "prefix", "suffix", "anchorMethod", "anchorScore", "orphanedAt", "orphanReason", "revisionId"],
};
/** Fields stored as timestamps: a revert reads them back from JSON as dates. */
const DATE_FIELDS = new Set(["orphanedAt", "publishedOn"]);
/** The table of each entity whose changes can be undone. */
const MODEL: Partial<Record<TEventEntity, TVersionedModel>> = { claim: "claim", evidence: "evidence", excerpt: "excerpt", link: "claimLink", position: "position", source: "source", author: "author" };
/** What is read and recorded of a row, where not every column: a source's text may be megabytes. */
const SELECT: Partial<Record<TVersionedModel, object>> = { source: SOURCE_FIELDS, author: AUTHOR_FIELDS };

type TRow = { id: string; version: number; deletedAt: Date | null } & Record<string, unknown>;

/**
 * Undoes one change, as a new change (so it can itself be undone). Only if the thing has not been
 * changed since: the restoring UPDATE carries the version the change left behind, so a later edit
 * by someone else is never silently reverted (409), and of two undos of one change, one wins.
 * Members undo their own changes; owners may undo anyone's.
 */
export async function undoEvent(ctx: TMutationContext, eventId: bigint) {
  const { tx, workspace, viewer, role, record } = ctx;
  // Locking the undone event makes two undos of it take turns: the second sees the first's record.
  const locked = await tx.$queryRaw<{ id: bigint }[]>`select id from "Event" where id = ${eventId} and "workspaceId" = ${workspace.id}::uuid for update`;
  if (locked.length === 0) throw notFound("Change");
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
  const type = isEventType(event.type) ? event.type : null;
  const undoType = type && undoTypeOf(type);
  if (!type || !undoType) throw new AppError("UNPROCESSABLE", `A '${event.type}' change cannot be undone.`);
  if (role !== "OWNER" && (event.actorId !== viewer.userId || role !== "EDITOR")) throw new AppError("FORBIDDEN", "You can undo only your own changes; owners can undo anyone's.");
  const undone = await tx.$queryRaw<{ id: bigint }[]>`select id from "Event" where "workspaceId" = ${workspace.id}::uuid and after->>'undoOf' = ${eventId.toString()} limit 1`;
  if (undone.length) throw new AppError("CONFLICT", "This change has already been undone.");

  const after = (event.after ?? {}) as Record<string, unknown>;
  const before = (event.before ?? {}) as Record<string, unknown>;
  const undoOf = eventId.toString();
  const spec = EVENT_CATALOG[type];

  if (type === "source.updated") return { undone: await undoSourceUpdate(ctx, event.entityId, before, after, undoOf) };
  if (spec.undo === "split") return { undone: await splitAuthor(ctx, event.entityId, after, undoOf) };

  if (spec.undo === "reorder") {
    await undoReorder(tx, workspace.id, after.order as string[], before.order as string[]);
    record({ type: undoType, entityId: workspace.id, before: { order: after.order }, after: { order: before.order, undoOf } });
    return { undone: undoOf };
  }

  const model = MODEL[spec.entity];
  if (!model) throw new AppError("UNPROCESSABLE", `Changes to ${spec.entity} cannot be undone.`);
  const select = SELECT[model];
  const current = (await (tx[model] as unknown as { findUnique(args: { where: { id: string }; select?: object }): Promise<TRow | null> }).findUnique({ where: { id: event.entityId }, ...(select ? { select } : {}) })) as TRow | null;
  if (!current) throw notFound("The changed item");
  const data =
    spec.undo === "delete" ? { deletedAt: new Date() }
    : spec.undo === "restore" ? { deletedAt: null }
    : revertedFields(RESTORABLE[spec.entity] ?? [], before);
  const restored = await updateVersioned<TRow>(tx, model, { before: current, version: Number(after.version), what: `This ${spec.entity}`, select: select ?? selectAll(current), data });
  record({ type: undoType, entityId: event.entityId, before: current, after: { ...restored, undoOf } });

  // An excerpt deleted with its evidence comes back with it.
  if (type === "excerpt.deleted" && current.deletedAt) {
    const links = await tx.evidence.findMany({ where: { excerptId: event.entityId, deletedAt: current.deletedAt } });
    const back = await tx.evidence.updateManyAndReturn({ where: { excerptId: event.entityId, deletedAt: current.deletedAt }, data: { deletedAt: null, version: { increment: 1 } } });
    const backById = new Map(back.map((row) => [row.id, row]));
    for (const link of links) {
      const row = backById.get(link.id);
      if (row) record({ type: "evidence.restored" satisfies TEventType, entityId: link.id, before: link, after: { ...row, undoOf } });
    }
  }
  return { undone: undoOf };
}

/** The fields a revert puts back, from the Event's `before` (timestamps as dates again). */
function revertedFields(fields: readonly string[], before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, DATE_FIELDS.has(field) && typeof before[field] === "string" ? new Date(before[field]) : before[field]]));
}

/**
 * Undoes an edit of a source: its details go back, and when the edit revised the text, the text
 * it replaced comes back from its SourceRevision (the text being replaced is kept as a revision in
 * turn, so the undo can itself be undone), each excerpt the revision moved goes back where it was
 * if it has not changed since, and excerpts changed or added since are placed in the old text
 * again. 409 when the source was changed since.
 */
async function undoSourceUpdate(ctx: TMutationContext, sourceId: string, before: Record<string, unknown>, after: Record<string, unknown>, undoOf: string): Promise<string> {
  const { tx, record } = ctx;
  const found = await tx.source.findUnique({ where: { id: sourceId }, select: { ...SOURCE_FIELDS, text: true } });
  if (!found) throw notFound("The changed item");
  const { text: currentText, ...current } = found;
  const revision = after.revision as { id: string; excerpts: TExcerptMove[]; pages?: number[] } | undefined;
  const oldText = revision ? (await tx.sourceRevision.findUniqueOrThrow({ where: { id: revision.id }, select: { text: true } })).text : null;
  const data = revertedFields(SOURCE_RESTORABLE, before);
  if (oldText !== null) data.text = oldText;
  // The replaced text's page starts (a PDF's) come back with it.
  if (revision?.pages) data.pageStarts = revision.pages;
  const restored = await updateVersioned<TSourceRow>(tx, "source", { before: current, version: Number(after.version), what: "This source", select: SOURCE_FIELDS, data });
  let revisionAfter = {};
  if (oldText !== null) {
    const back = new Map(revision!.excerpts.map((move) => [move.id, { version: move.version, placement: move.before }]));
    const replaced = await replaceSourceText(ctx, { id: sourceId, oldVersion: current.version, oldText: currentText, newText: oldText }, back);
    revisionAfter = { revision: { id: replaced.revisionId, length: oldText.length, excerpts: replaced.moves } };
  }
  record({ type: "source.updated", entityId: sourceId, before: current, after: { ...restored, ...revisionAfter, undoOf } });
  return undoOf;
}

/** Every column of the row as read, so the restored row is recorded whole, as before. */
function selectAll(row: TRow): Record<string, true> {
  return Object.fromEntries(Object.keys(row).map((key) => [key, true]));
}

/**
 * Puts the claims back in their earlier order, if they are still in the order the change left
 * them (the claims are locked while that is checked); a reorder since, or a claim added or
 * removed, is 409.
 */
async function undoReorder(tx: TTx, workspaceId: string, leftBy: string[], earlier: string[]) {
  const live = await tx.$queryRaw<{ id: string }[]>`
    select id::text as id from "Claim" where "workspaceId" = ${workspaceId}::uuid and "deletedAt" is null order by rank, id for update`;
  if (live.length !== earlier.length || live.some((c) => !earlier.includes(c.id))) throw new AppError("CONFLICT", "Claims were added or removed since; reorder them by hand.");
  if (live.some((c, i) => c.id !== leftBy[i])) throw new AppError("CONFLICT", "The claims were reordered again since; reorder them by hand.");
  await tx.$executeRaw`
    update "Claim" c set rank = o.rank, version = c.version + 1
    from unnest(${earlier}::uuid[]) with ordinality as o(id, rank) where c.id = o.id`;
}
