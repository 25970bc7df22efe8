import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { softDeleteVersioned } from "../versioned";
import { LINK_FIELDS } from "./create-link";

/** Soft-deletes a claim link at `version`. */
export async function deleteLink({ tx, workspace, record }: TMutationContext, linkId: string, version: number) {
  const before = await tx.claimLink.findFirst({ where: { id: linkId, workspaceId: workspace.id, deletedAt: null }, select: LINK_FIELDS });
  if (!before) throw notFound("Link");
  const after = await softDeleteVersioned(tx, "claimLink", { before, version, what: "This link", select: LINK_FIELDS });
  record({ type: "link.deleted", entityId: linkId, before, after });
  return after;
}
