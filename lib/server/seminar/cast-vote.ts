import "server-only";
import type { TVoteChoice } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";

/**
 * Sets the caller's own vote on a claim. While a poll on that claim is open in the live session,
 * the vote is also the caller's ballot in it. Events name the claim and the poll, never the
 * choice: who voted what stays out of the shared log.
 */
export async function castVote({ tx, workspace, viewer, record }: TMutationContext, claimId: string, choice: TVoteChoice) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, workspaceId: workspace.id, deletedAt: null }, select: { id: true } });
  if (!claim) throw notFound("Claim");
  const vote = await tx.vote.upsert({
    where: { claimId_userId: { claimId, userId: viewer.userId } },
    create: { workspaceId: workspace.id, claimId, userId: viewer.userId, choice },
    update: { choice },
    select: { id: true },
  });
  record({ type: "vote.cast", entityId: vote.id, after: { claimId } });
  const poll = await openPollOn(tx, workspace.id, claimId);
  if (poll) {
    await tx.pollBallot.upsert({
      where: { pollId_userId: { pollId: poll.id, userId: viewer.userId } },
      create: { pollId: poll.id, userId: viewer.userId, choice },
      update: { choice },
    });
    record({ type: "poll.ballot", entityId: poll.id, after: { claimId } });
  }
  return { claimId, choice, poll: poll ? { id: poll.id } : null };
}

/** Withdraws the caller's vote on a claim (and their ballot, if its poll is still open). */
export async function withdrawVote({ tx, workspace, viewer, record }: TMutationContext, claimId: string) {
  const vote = await tx.vote.findFirst({ where: { claimId, userId: viewer.userId, workspaceId: workspace.id }, select: { id: true } });
  if (!vote) throw notFound("Your vote on this claim");
  await tx.vote.delete({ where: { id: vote.id } });
  record({ type: "vote.withdrawn", entityId: vote.id, before: { claimId } });
  const poll = await openPollOn(tx, workspace.id, claimId);
  if (poll) {
    const removed = await tx.pollBallot.deleteMany({ where: { pollId: poll.id, userId: viewer.userId } });
    if (removed.count > 0) record({ type: "poll.ballot", entityId: poll.id, after: { claimId } });
  }
  return { claimId, choice: null };
}

/** Answers the live session's open poll (the same as voting on its claim). */
export async function castBallot(ctx: TMutationContext, choice: TVoteChoice) {
  const poll = await ctx.tx.poll.findFirst({ where: { closedAt: null, seminar: { workspaceId: ctx.workspace.id, endedAt: null } }, select: { claimId: true } });
  if (!poll) throw new AppError("UNPROCESSABLE", "No poll is open right now; the facilitator opens one during a live session.");
  return castVote(ctx, poll.claimId, choice);
}

/**
 * The open poll on a claim, share-locked: closing it waits for this ballot, and a ballot arriving
 * after the close committed finds no open poll.
 */
async function openPollOn(tx: TMutationContext["tx"], workspaceId: string, claimId: string): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select p.id::text as id from "Poll" p join "Seminar" s on s.id = p."seminarId"
    where p."claimId" = ${claimId}::uuid and p."closedAt" is null and s."workspaceId" = ${workspaceId}::uuid and s."endedAt" is null
    for share of p`;
  return rows[0] ?? null;
}
