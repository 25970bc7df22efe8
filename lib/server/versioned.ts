import "server-only";
/**
 * The edit protocol: every edit, delete, restore and undo of a row people edit names the version
 * it was based on, and the UPDATE carries that version in its WHERE clause. Checking first and
 * then updating by id alone leaves a window in which a concurrent change is overwritten; with the
 * version in the WHERE clause, the second of two concurrent writers waits on the row lock, finds
 * the version moved on, matches nothing, and gets 409 with the row as it now is.
 */
import { AppError, notFound } from "../errors/app-error";
import type { TEventType } from "../domain/events";
import { snapshot, type TMutationContext, type TTx } from "./mutation";

/** The tables whose rows carry `version` and `deletedAt`, by their Prisma delegate's name. */
export type TVersionedModel = "claim" | "claimLink" | "evidence" | "excerpt" | "position" | "comment" | "source" | "author";

interface TVersionedRow {
  id: string;
  version: number;
}

/** The two calls the protocol needs, common to every versioned model's delegate. */
interface TDelegate {
  updateManyAndReturn(args: { where: Record<string, unknown>; data: Record<string, unknown>; select: object }): Promise<unknown[]>;
  findFirst(args: { where: Record<string, unknown>; select: object }): Promise<unknown>;
}

export interface TVersionedEdit<R extends TVersionedRow> {
  /** The row as the caller read it (in this transaction); its id and workspace pick the row. */
  before: R;
  /** The version the caller's edit was based on. */
  version: number;
  /** How a message names the row: "This claim". */
  what: string;
  /** The fields read back, and recorded in the Event: the same selection `before` was read with. */
  select: object;
  /** The fields to change (`version` is incremented here). */
  data: Record<string, unknown>;
  /** Further conditions the row must still meet, e.g. `{ deletedAt: null }` for an edit of a live row. */
  where?: Record<string, unknown>;
  /** What a 409 shows of the current row (default: the row as selected). */
  view?: (row: R) => unknown;
}

function delegate(tx: TTx, model: TVersionedModel): TDelegate {
  return tx[model] as unknown as TDelegate;
}

function conflict(what: string, expected: number, current: TVersionedRow, view: unknown): AppError {
  return new AppError(
    "CONFLICT",
    `${what} was changed by someone else since you loaded it (your version ${expected}, now ${current.version}). Review the current text, then re-apply or discard your change.`,
    { current: snapshot(view) },
  );
}

/**
 * Applies `data` to the row if it is still at `version` (and still meets `where`); returns the row
 * after the change. 409 with the current row when the version is stale — before writing, or when a
 * concurrent change committed first; 404 when the row is gone.
 */
export async function updateVersioned<R extends TVersionedRow>(tx: TTx, model: TVersionedModel, edit: TVersionedEdit<R>): Promise<R> {
  const view = edit.view ?? ((row: R) => row);
  if (edit.before.version !== edit.version) throw conflict(edit.what, edit.version, edit.before, view(edit.before));
  const table = delegate(tx, model);
  const updated = (await table.updateManyAndReturn({
    where: { ...edit.where, id: edit.before.id, version: edit.version },
    data: { ...edit.data, version: { increment: 1 } },
    select: edit.select,
  })) as R[];
  if (updated.length === 1) return updated[0];
  const current = (await table.findFirst({ where: { id: edit.before.id }, select: edit.select })) as R | null;
  if (!current) throw notFound(edit.what.replace(/^This /, "").replace(/^./, (c) => c.toUpperCase()));
  throw conflict(edit.what, edit.version, current, view(current));
}

/** Soft-deletes a live row at `version` (see `updateVersioned`). */
export function softDeleteVersioned<R extends TVersionedRow>(tx: TTx, model: TVersionedModel, edit: Omit<TVersionedEdit<R>, "data" | "where"> & { deletedAt?: Date }): Promise<R> {
  return updateVersioned(tx, model, { ...edit, data: { deletedAt: edit.deletedAt ?? new Date() }, where: { deletedAt: null } });
}

type TLiveRow = TVersionedRow & Record<string, unknown>;

export interface TLiveRowEdit {
  model: TVersionedModel;
  id: string;
  /** The version the change was based on. */
  version: number;
  /** What the row is called in messages: "Claim" ("Claim was not found", "This claim was changed…"). */
  name: string;
  /** The fields read, written back and recorded. */
  select: object;
  /** The Event this change records. */
  type: TEventType;
}

/**
 * Changes a live row of the workspace at `version` (404 when there is none, 409 when stale) with
 * the fields `change` makes of it, and records `type` with the row before and after; returns the
 * row after. Edits and deletes of claims and evidence links, and deletes of claim links, are this.
 */
export async function changeLiveRow(
  { tx, workspace, record }: TMutationContext,
  edit: TLiveRowEdit,
  change: (before: TLiveRow) => Record<string, unknown>,
): Promise<TLiveRow> {
  const before = (await delegate(tx, edit.model).findFirst({ where: { id: edit.id, workspaceId: workspace.id, deletedAt: null }, select: edit.select })) as TLiveRow | null;
  if (!before) throw notFound(edit.name);
  const after = await updateVersioned<TLiveRow>(tx, edit.model, { before, version: edit.version, what: `This ${edit.name.toLowerCase()}`, select: edit.select, data: change(before), where: { deletedAt: null } });
  record({ type: edit.type, entityId: edit.id, before, after });
  return after;
}

/** Soft-deletes a live row of the workspace at `version` (see `changeLiveRow`). */
export function deleteLiveRow(ctx: TMutationContext, edit: TLiveRowEdit): Promise<TLiveRow> {
  return changeLiveRow(ctx, edit, () => ({ deletedAt: new Date() }));
}
