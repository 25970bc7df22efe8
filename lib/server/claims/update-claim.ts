import "server-only";
import type { TUpdateClaim } from "../../schemas/claims";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { CLAIM_FIELDS } from "./create-claim";

/** Edits a claim's text or tags; 409 with the current claim when `version` is stale. */
export async function updateClaim({ tx, workspace, record }: TMutationContext, claimId: string, input: TUpdateClaim) {
  const before = await tx.claim.findFirst({ where: { id: claimId, workspaceId: workspace.id, deletedAt: null }, select: CLAIM_FIELDS });
  if (!before) throw notFound("Claim");
  const after = await updateVersioned(tx, "claim", {
    before,
    version: input.version,
    what: "This claim",
    select: CLAIM_FIELDS,
    data: { text: input.text ?? before.text, tags: input.tags ?? before.tags },
    where: { deletedAt: null },
  });
  record({ type: "claim.updated", entityId: claimId, before, after });
  return after;
}
