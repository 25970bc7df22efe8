import "server-only";
import { notFound } from "../../errors/app-error";
import { assertVersion, type TMutationContext } from "../mutation";
import { CLAIM_FIELDS } from "./create-claim";

/** Soft-deletes a claim (undoable from history); its evidence stays attached for the undo. */
export async function deleteClaim({ tx, workspace, record }: TMutationContext, claimId: string, version?: number) {
  const before = await tx.claim.findFirst({ where: { id: claimId, workspaceId: workspace.id, deletedAt: null }, select: CLAIM_FIELDS });
  if (!before) throw notFound("Claim");
  if (version !== undefined) assertVersion(before, version, "This claim");
  const after = await tx.claim.update({ where: { id: claimId }, data: { deletedAt: new Date(), version: { increment: 1 } }, select: CLAIM_FIELDS });
  record({ type: "claim.deleted", entityType: "claim", entityId: claimId, before, after });
  return after;
}
