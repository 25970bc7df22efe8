import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { tallyFromCounts, type TRoomVotes } from "../../domain/seminar";
import { notFound } from "../../errors/app-error";

export type { TRoomVotes };

/**
 * The room's votes on a claim, and the viewer's own. While the live session's latest poll on the
 * claim is not revealed, the tally is held back from everyone but the facilitator: a vote on the
 * polled claim is also a ballot, so the room's tally would show the poll's result early.
 */
export async function getRoomVotes(claimId: string, viewerId: string | null): Promise<TRoomVotes> {
  const [counts, mine, poll] = await Promise.all([
    db().vote.groupBy({ by: ["choice"], where: { claimId }, _count: { _all: true } }),
    viewerId ? db().vote.findUnique({ where: { claimId_userId: { claimId, userId: viewerId } }, select: { choice: true } }) : null,
    db().poll.findFirst({ where: { claimId, seminar: { endedAt: null } }, orderBy: { openedAt: "desc" }, select: { revealedAt: true, seminar: { select: { facilitatorId: true } } } }),
  ]);
  const hiddenUntilReveal = poll !== null && poll.revealedAt === null && poll.seminar.facilitatorId !== viewerId;
  const tally = hiddenUntilReveal ? null : tallyFromCounts(counts.map((c) => ({ choice: c.choice, count: c._count._all })));
  return { tally, hiddenUntilReveal, mine: mine?.choice ?? null };
}

/** The room's votes on a live claim of the workspace; NOT_FOUND for any other claim. */
export async function getClaimVotes(workspaceId: string, claimId: string, viewerId: string | null): Promise<TRoomVotes> {
  const claim = await db().claim.findFirst({ where: { id: claimId, workspaceId, ...liveWhere.claim }, select: { id: true } });
  if (!claim) throw notFound("Claim");
  return getRoomVotes(claimId, viewerId);
}
