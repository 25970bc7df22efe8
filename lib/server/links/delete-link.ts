import "server-only";
import type { TMutationContext } from "../mutation";
import { deleteLiveRow } from "../versioned";
import { LINK_FIELDS } from "./create-link";

/** Soft-deletes a claim link at `version`. */
export function deleteLink(ctx: TMutationContext, linkId: string, version: number) {
  return deleteLiveRow(ctx, { model: "claimLink", id: linkId, version, name: "Link", select: LINK_FIELDS, type: "link.deleted" });
}
