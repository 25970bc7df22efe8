import "server-only";
import type { TUpdateClaim } from "../../schemas/claims";
import type { TMutationContext } from "../mutation";
import { changeLiveRow } from "../versioned";
import { CLAIM_FIELDS } from "./create-claim";

/** Edits a claim's text or tags; 409 with the current claim when `version` is stale. */
export function updateClaim(ctx: TMutationContext, claimId: string, input: TUpdateClaim) {
  return changeLiveRow(ctx, { model: "claim", id: claimId, version: input.version, name: "Claim", select: CLAIM_FIELDS, type: "claim.updated" }, (before) => ({
    text: input.text ?? before.text,
    tags: input.tags ?? before.tags,
  }));
}
