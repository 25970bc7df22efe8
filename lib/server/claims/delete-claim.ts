import "server-only";
import type { TMutationContext } from "../mutation";
import { deleteLiveRow } from "../versioned";
import { CLAIM_FIELDS } from "./create-claim";

/** Soft-deletes a claim at `version` (undoable from history); its evidence stays attached for the undo. */
export function deleteClaim(ctx: TMutationContext, claimId: string, version: number) {
  return deleteLiveRow(ctx, { model: "claim", id: claimId, version, name: "Claim", select: CLAIM_FIELDS, type: "claim.deleted" });
}
