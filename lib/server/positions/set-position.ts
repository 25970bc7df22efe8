import "server-only";
import type { TPositionStance } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import { snapshot, type TMutationContext } from "../mutation";
import { softDeleteVersioned, updateVersioned } from "../versioned";

const POSITION_FIELDS = { id: true, claimId: true, authorId: true, stance: true, note: true, version: true, deletedAt: true } as const;
const WHAT = "This position";

/**
 * Sets an author's position on a claim by hand (it then wins over the derived one). Replacing an
 * existing explicit position requires its `version`; a cleared one is set again at the version it
 * was read at, and the first one is inserted only if nobody set one meanwhile — so of two people
 * setting the same position at once, one wins and the other gets 409 with it.
 */
export async function setPosition(
  { tx, workspace, viewer, record }: TMutationContext,
  input: { claimId: string; authorId: string; stance: TPositionStance; note?: string; version?: number },
) {
  const [claim, author] = await Promise.all([
    tx.claim.findFirst({ where: { id: input.claimId, workspaceId: workspace.id, deletedAt: null }, select: { id: true } }),
    tx.author.findFirst({ where: { id: input.authorId, workspaceId: workspace.id }, select: { id: true } }),
  ]);
  if (!claim) throw notFound("Claim");
  if (!author) throw notFound("Author");
  const before = await tx.position.findUnique({ where: { claimId_authorId: { claimId: claim.id, authorId: author.id } }, select: POSITION_FIELDS });
  const data = { stance: input.stance, note: input.note || null, setById: viewer.userId, deletedAt: null };
  if (before && !before.deletedAt && input.version === undefined) throw alreadySet(before);
  const after = before
    ? await updateVersioned(tx, "position", { before, version: before.deletedAt ? before.version : input.version!, what: WHAT, select: POSITION_FIELDS, data })
    : await insertFirst(tx, { ...data, workspaceId: workspace.id, claimId: claim.id, authorId: author.id });
  record({ type: before ? "position.updated" : "position.created", entityId: after.id, before: before ?? undefined, after });
  return after;
}

/** Removes a hand-set position at `version`, so the derived one shows again. */
export async function clearPosition({ tx, workspace, record }: TMutationContext, input: { claimId: string; authorId: string; version: number }) {
  const before = await tx.position.findFirst({ where: { claimId: input.claimId, authorId: input.authorId, workspaceId: workspace.id, deletedAt: null }, select: POSITION_FIELDS });
  if (!before) throw notFound("Position");
  const after = await softDeleteVersioned(tx, "position", { before, version: input.version, what: WHAT, select: POSITION_FIELDS });
  record({ type: "position.deleted", entityId: before.id, before, after });
  return after;
}

type TPositionRow = { id: string; claimId: string; authorId: string; stance: TPositionStance; note: string | null; version: number; deletedAt: Date | null };

/** Inserts the (claim, author) position unless one was set meanwhile (the unique key decides). */
async function insertFirst(tx: TMutationContext["tx"], data: { workspaceId: string; claimId: string; authorId: string; stance: TPositionStance; note: string | null; setById: string }): Promise<TPositionRow> {
  const [created] = await tx.position.createManyAndReturn({ data: [data], skipDuplicates: true, select: POSITION_FIELDS });
  if (created) return created;
  const current = await tx.position.findUniqueOrThrow({ where: { claimId_authorId: { claimId: data.claimId, authorId: data.authorId } }, select: POSITION_FIELDS });
  throw alreadySet(current);
}

function alreadySet(current: TPositionRow): AppError {
  return new AppError("CONFLICT", "This author already has a position set by hand; send its version to replace it.", { current: snapshot(current) });
}
