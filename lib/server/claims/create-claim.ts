import "server-only";
import type { TCreateClaim } from "../../schemas/claims";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";

export const CLAIM_FIELDS = { id: true, text: true, tags: true, rank: true, version: true, deletedAt: true } as const;

/** Adds a claim at the end of the list, or right after `after`. */
export async function createClaim({ tx, workspace, viewer, record }: TMutationContext, input: TCreateClaim) {
  let rank: number;
  if (input.after) {
    const after = await tx.claim.findFirst({ where: { id: input.after, workspaceId: workspace.id, deletedAt: null }, select: { rank: true } });
    if (!after) throw notFound("The claim to place it after");
    await tx.claim.updateMany({ where: { workspaceId: workspace.id, rank: { gt: after.rank } }, data: { rank: { increment: 1 } } });
    rank = after.rank + 1;
  } else {
    const last = await tx.claim.aggregate({ where: { workspaceId: workspace.id }, _max: { rank: true } });
    rank = (last._max.rank ?? 0) + 1;
  }
  const claim = await tx.claim.create({
    data: { workspaceId: workspace.id, text: input.text, tags: input.tags ?? [], rank, createdById: viewer.userId },
    select: CLAIM_FIELDS,
  });
  record({ type: "claim.created", entityId: claim.id, after: claim });
  return claim;
}
