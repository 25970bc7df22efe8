import "server-only";
import { AppError } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";

/** Sets the order of the workspace's claims; `order` must list each live claim exactly once. */
export async function reorderClaims({ tx, workspace, record }: TMutationContext, order: string[]) {
  const claims = await tx.claim.findMany({ where: { workspaceId: workspace.id, deletedAt: null }, select: { id: true, rank: true }, orderBy: { rank: "asc" } });
  const live = new Set(claims.map((c) => c.id));
  if (order.length !== live.size || new Set(order).size !== order.length || order.some((id) => !live.has(id))) {
    throw new AppError("UNPROCESSABLE", `order must list each of the workspace's ${live.size} claims exactly once.`);
  }
  const before = claims.map((c) => c.id);
  await tx.$executeRaw`
    update "Claim" c set rank = o.rank, version = c.version + 1
    from unnest(${order}::uuid[]) with ordinality as o(id, rank)
    where c.id = o.id and c.rank <> o.rank`;
  record({ type: "claims.reordered", entityId: workspace.id, before: { order: before }, after: { order } });
  return { order };
}
