import "server-only";
import { liveWhere } from "../../db/live-rows";
import { shortQuote, tallyFromCounts, withDiscussed, type TSeminarSummary } from "../../domain/seminar";
import { AppError } from "../../errors/app-error";
import type { TMutationContext, TTx } from "../mutation";
import { lockLiveSeminar } from "./control-seminar";

/** The most evidence links a summary lists one by one (the count is always exact). */
const MAX_LISTED_EVIDENCE = 500;

/**
 * Ends the live session (its facilitator, or a workspace owner) and keeps its summary: the claims
 * discussed with the room's votes and each poll's result, and the evidence added meanwhile.
 * Ending also lifts the editing lock.
 */
export async function endSeminar({ tx, workspace, role, viewer, record }: TMutationContext) {
  const seminar = await lockLiveSeminar(tx, workspace.id);
  if (seminar.facilitatorId !== viewer.userId && role !== "OWNER") throw new AppError("FORBIDDEN", "Only the session's facilitator or a workspace owner can end it.");
  const endedAt = new Date();
  const summary = await summarise(tx, workspace.id, { ...seminar, endedAt });
  const after = await tx.seminar.update({
    where: { id: seminar.id },
    data: { endedAt, locked: false, summary: summary as object, version: { increment: 1 } },
    select: { id: true, startedAt: true, endedAt: true },
  });
  record({ type: "seminar.ended", entityId: seminar.id, before: { locked: seminar.locked }, after: { endedAt: after.endedAt, claims: summary.claims.length, evidenceAdded: summary.evidenceAddedCount } });
  return { id: seminar.id, summary };
}

async function summarise(
  tx: TTx,
  workspaceId: string,
  seminar: { id: string; facilitatorId: string; discussed: string[]; startedAt: Date; endedAt: Date },
): Promise<TSeminarSummary> {
  const polls = await tx.poll.findMany({ where: { seminarId: seminar.id }, orderBy: { openedAt: "asc" }, select: { id: true, claimId: true } });
  let claimIds = [...seminar.discussed];
  for (const poll of polls) claimIds = withDiscussed(claimIds, poll.claimId);
  const [facilitator, claims, votes, ballots, evidenceAddedCount, evidence] = await Promise.all([
    tx.user.findUnique({ where: { id: seminar.facilitatorId }, select: { name: true } }),
    tx.claim.findMany({ where: { id: { in: claimIds } }, select: { id: true, text: true } }),
    tx.vote.groupBy({ by: ["claimId", "choice"], where: { claimId: { in: claimIds } }, _count: { _all: true } }),
    tx.pollBallot.groupBy({ by: ["pollId", "choice"], where: { pollId: { in: polls.map((p) => p.id) } }, _count: { _all: true } }),
    tx.evidence.count({ where: evidenceWhere(workspaceId, seminar) }),
    tx.evidence.findMany({
      where: evidenceWhere(workspaceId, seminar),
      orderBy: { createdAt: "asc" },
      take: MAX_LISTED_EVIDENCE,
      select: { id: true, claimId: true, stance: true, claim: { select: { text: true } }, excerpt: { select: { exact: true, source: { select: { author: { select: { name: true } } } } } } },
    }),
  ]);
  const textOf = new Map(claims.map((c) => [c.id, c.text]));
  return {
    startedAt: seminar.startedAt.toISOString(),
    endedAt: seminar.endedAt.toISOString(),
    facilitator: facilitator?.name ?? "The facilitator",
    claims: claimIds.map((id) => ({
      id,
      text: textOf.get(id) ?? "(a claim since removed)",
      votes: tallyFromCounts(votes.filter((v) => v.claimId === id).map((v) => ({ choice: v.choice, count: v._count._all }))),
      polls: polls.filter((p) => p.claimId === id).map((p) => tallyFromCounts(ballots.filter((b) => b.pollId === p.id).map((b) => ({ choice: b.choice, count: b._count._all })))),
    })),
    evidenceAddedCount,
    evidenceAdded: evidence.map((e) => ({ id: e.id, claimId: e.claimId, claimText: e.claim.text, author: e.excerpt.source.author.name, stance: e.stance, exact: shortQuote(e.excerpt.exact) })),
  };
}

function evidenceWhere(workspaceId: string, seminar: { startedAt: Date; endedAt: Date }) {
  return { workspaceId, ...liveWhere.evidence, createdAt: { gte: seminar.startedAt, lte: seminar.endedAt } };
}
