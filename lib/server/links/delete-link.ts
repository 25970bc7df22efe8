import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { LINK_FIELDS } from "./create-link";

/** Soft-deletes a claim link. */
export async function deleteLink({ tx, workspace, record }: TMutationContext, linkId: string) {
  const before = await tx.claimLink.findFirst({ where: { id: linkId, workspaceId: workspace.id, deletedAt: null }, select: LINK_FIELDS });
  if (!before) throw notFound("Link");
  const after = await tx.claimLink.update({ where: { id: linkId }, data: { deletedAt: new Date(), version: { increment: 1 } }, select: LINK_FIELDS });
  record({ type: "link.deleted", entityType: "link", entityId: linkId, before, after });
  return after;
}
