import "server-only";
import type { TPositionStance } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import { assertVersion, type TMutationContext } from "../mutation";

const POSITION_FIELDS = { id: true, claimId: true, authorId: true, stance: true, note: true, version: true, deletedAt: true } as const;

/**
 * Sets an author's position on a claim by hand (it then wins over the derived one). Replacing an
 * existing explicit position requires its `version`.
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
  if (before && !before.deletedAt) {
    if (input.version === undefined) throw new AppError("CONFLICT", "This author already has a position set by hand; send its version to replace it.", { current: before });
    assertVersion(before, input.version, "This position");
  }
  const data = { stance: input.stance, note: input.note || null, setById: viewer.userId, deletedAt: null };
  const after = before
    ? await tx.position.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } }, select: POSITION_FIELDS })
    : await tx.position.create({ data: { ...data, workspaceId: workspace.id, claimId: claim.id, authorId: author.id }, select: POSITION_FIELDS });
  record({ type: before ? "position.updated" : "position.created", entityType: "position", entityId: after.id, before: before ?? undefined, after });
  return after;
}

/** Removes a hand-set position, so the derived one shows again. */
export async function clearPosition({ tx, workspace, record }: TMutationContext, input: { claimId: string; authorId: string; version: number }) {
  const before = await tx.position.findFirst({ where: { claimId: input.claimId, authorId: input.authorId, workspaceId: workspace.id, deletedAt: null }, select: POSITION_FIELDS });
  if (!before) throw notFound("Position");
  assertVersion(before, input.version, "This position");
  const after = await tx.position.update({ where: { id: before.id }, data: { deletedAt: new Date(), version: { increment: 1 } }, select: POSITION_FIELDS });
  record({ type: "position.deleted", entityType: "position", entityId: before.id, before, after });
  return after;
}
