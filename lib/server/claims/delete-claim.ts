import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { softDeleteVersioned } from "../versioned";
import { CLAIM_FIELDS } from "./create-claim";

/** Soft-deletes a claim at `version` (undoable from history); its evidence stays attached for the undo. */
export async function deleteClaim({ tx, workspace, record }: TMutationContext, claimId: string, version: number) {
  const before = await tx.claim.findFirst({ where: { id: claimId, workspaceId: workspace.id, deletedAt: null }, select: CLAIM_FIELDS });
  if (!before) throw notFound("Claim");
  const after = await softDeleteVersioned(tx, "claim", { before, version, what: "This claim", select: CLAIM_FIELDS });
  record({ type: "claim.deleted", entityId: claimId, before, after });
  return after;
}
