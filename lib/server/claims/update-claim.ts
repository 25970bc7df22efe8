import "server-only";
import type { TUpdateClaim } from "../../schemas/claims";
import { notFound } from "../../errors/app-error";
import { assertVersion, type TMutationContext } from "../mutation";
import { CLAIM_FIELDS } from "./create-claim";

/** Edits a claim's text or tags; 409 with the current claim when `version` is stale. */
export async function updateClaim({ tx, workspace, record }: TMutationContext, claimId: string, input: TUpdateClaim) {
  const before = await tx.claim.findFirst({ where: { id: claimId, workspaceId: workspace.id, deletedAt: null }, select: CLAIM_FIELDS });
  if (!before) throw notFound("Claim");
  assertVersion(before, input.version, "This claim");
  // The version guard in the WHERE clause closes the gap between the read and the write.
  const updated = await tx.claim.updateManyAndReturn({
    where: { id: claimId, version: input.version },
    data: { text: input.text ?? before.text, tags: input.tags ?? before.tags, version: { increment: 1 } },
    select: CLAIM_FIELDS,
  });
  if (updated.length === 0) {
    const current = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: CLAIM_FIELDS });
    assertVersion(current, input.version, "This claim");
  }
  const after = updated[0];
  record({ type: "claim.updated", entityType: "claim", entityId: claimId, before, after });
  return after;
}
