import "server-only";
import type { TLinkRelation } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";

export const LINK_FIELDS = { id: true, fromClaimId: true, toClaimId: true, relation: true, version: true, deletedAt: true } as const;

/** Links two claims of the workspace: `from` supports or opposes `to`. */
export async function createLink({ tx, workspace, viewer, record }: TMutationContext, input: { from: string; to: string; relation: TLinkRelation }) {
  if (input.from === input.to) throw new AppError("UNPROCESSABLE", "A claim cannot support or oppose itself.");
  const found = await tx.claim.count({ where: { id: { in: [input.from, input.to] }, workspaceId: workspace.id, deletedAt: null } });
  if (found !== 2) throw notFound("Claim");
  const existing = await tx.claimLink.findFirst({ where: { fromClaimId: input.from, toClaimId: input.to, deletedAt: null } });
  if (existing) throw new AppError("CONFLICT", "These claims are already linked; delete the link to change it.");
  const link = await tx.claimLink.create({
    data: { workspaceId: workspace.id, fromClaimId: input.from, toClaimId: input.to, relation: input.relation, createdById: viewer.userId },
    select: LINK_FIELDS,
  });
  record({ type: "link.created", entityId: link.id, after: link });
  return link;
}
