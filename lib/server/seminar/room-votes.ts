import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { tallyFromCounts, type TRoomVotes } from "../../domain/seminar";
import { notFound } from "../../errors/app-error";

export type { TRoomVotes };

/** The room's votes on a claim, and the viewer's own. */
export async function getRoomVotes(claimId: string, viewerId: string | null): Promise<TRoomVotes> {
  const [counts, mine] = await Promise.all([
    db().vote.groupBy({ by: ["choice"], where: { claimId }, _count: { _all: true } }),
    viewerId ? db().vote.findUnique({ where: { claimId_userId: { claimId, userId: viewerId } }, select: { choice: true } }) : null,
  ]);
  return { tally: tallyFromCounts(counts.map((c) => ({ choice: c.choice, count: c._count._all }))), mine: mine?.choice ?? null };
}

/** The room's votes on a live claim of the workspace; NOT_FOUND for any other claim. */
export async function getClaimVotes(workspaceId: string, claimId: string, viewerId: string | null): Promise<TRoomVotes> {
  const claim = await db().claim.findFirst({ where: { id: claimId, workspaceId, ...liveWhere.claim }, select: { id: true } });
  if (!claim) throw notFound("Claim");
  return getRoomVotes(claimId, viewerId);
}
