import "server-only";
import { liveWhere } from "../../db/live-rows";
import { AppError } from "../../errors/app-error";
import type { TCreateRound } from "../../schemas/rounds";
import type { TMutationContext } from "../mutation";

/** Starts a blind coding round on (passage, claim) items of this workspace's map. */
export async function createRound({ tx, workspace, viewer, record }: TMutationContext, input: TCreateRound) {
  const excerptIds = [...new Set(input.items.map((i) => i.excerptId))];
  const claimIds = [...new Set(input.items.map((i) => i.claimId))];
  const [excerpts, claims] = await Promise.all([
    tx.excerpt.findMany({ where: { ...liveWhere.excerpt, workspaceId: workspace.id, id: { in: excerptIds } }, select: { id: true } }),
    tx.claim.findMany({ where: { ...liveWhere.claim, workspaceId: workspace.id, id: { in: claimIds } }, select: { id: true } }),
  ]);
  const foundExcerpts = new Set(excerpts.map((r) => r.id));
  const foundClaims = new Set(claims.map((r) => r.id));
  const missing = input.items.flatMap((item, i) => [
    ...(foundExcerpts.has(item.excerptId) ? [] : [{ path: `items.${i}.excerptId`, message: "No such passage in this workspace" }]),
    ...(foundClaims.has(item.claimId) ? [] : [{ path: `items.${i}.claimId`, message: "No such claim in this workspace" }]),
  ]);
  if (missing.length > 0) throw new AppError("UNPROCESSABLE", "Some items name passages or claims this workspace does not have.", { issues: missing });
  const round = await tx.round.create({
    data: {
      workspaceId: workspace.id,
      title: input.title,
      askVoice: input.askVoice ?? false,
      facilitatorId: viewer.userId,
      items: { create: input.items.map((item, position) => ({ position, excerptId: item.excerptId, claimId: item.claimId })) },
    },
    select: { id: true },
  });
  record({ type: "round.created", entityId: round.id, after: { title: input.title, items: input.items.length, askVoice: input.askVoice ?? false } });
  return round;
}
