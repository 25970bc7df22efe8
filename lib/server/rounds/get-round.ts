import "server-only";
import { disputeOf, majorityOf, ROUND_ANSWERS, type TRoundAnswer } from "../../domain/coding-agreement";
import type { TRole } from "../../domain/types";
import { db } from "../../db/client";
import { isRoundParticipant } from "../authorize";
import { readRoundCoding, runsRound, statisticsOf } from "./read-round-coding";

/**
 * A round as the viewer may see it. Everyone who may read gets each item's passage and claim —
 * never the map's evidence for it while the round is open. A participant gets their own answers;
 * those who run it get the progress (who has finished, not what they answered). Once closed:
 * the reveal — per item the answers' distribution, the map's key and the majority; the
 * statistics; the viewer's own scores; names of the coders only for those who run the round.
 */
export async function getRound(workspaceId: string, roundId: string, viewer: { userId: string | null; role: TRole | null }) {
  const coding = await readRoundCoding(workspaceId, roundId);
  const { round } = coding;
  const runs = runsRound(round, viewer.userId, viewer.role);
  const participant = isRoundParticipant(viewer.role, viewer.userId, round.facilitatorId);
  const open = round.closedAt === null;
  const items = await readItems(coding.items);
  const own = coding.coders.find((c) => c.userId === viewer.userId) ?? null;
  const progress = runs ? await readProgress(workspaceId, round.facilitatorId, coding) : null;
  return {
    id: round.id,
    title: round.title,
    askVoice: round.askVoice,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    open,
    runs,
    participant,
    items,
    mine: own ? own.answers.map((a) => ({ item: a.item, stance: a.stance, voice: a.voice, reason: a.reason })) : [],
    progress,
    finished: coding.coders.filter((c) => c.answers.length === coding.items.length).length,
    reveal: open ? null : revealOf(coding, runs, own?.pseudonym ?? null),
  };
}

export type TRoundView = Awaited<ReturnType<typeof getRound>>;

async function readItems(items: { item: number; excerptId: string; claimId: string }[]) {
  const [excerpts, claims] = await Promise.all([
    db().excerpt.findMany({
      where: { id: { in: items.map((i) => i.excerptId) } },
      select: { id: true, exact: true, prefix: true, suffix: true, sourceId: true, source: { select: { title: true, author: { select: { name: true, shortName: true } } } } },
    }),
    db().claim.findMany({ where: { id: { in: items.map((i) => i.claimId) } }, select: { id: true, text: true } }),
  ]);
  const excerptOf = new Map(excerpts.map((e) => [e.id, e]));
  const claimOf = new Map(claims.map((c) => [c.id, c]));
  return items.map((i) => {
    const excerpt = excerptOf.get(i.excerptId)!;
    return {
      item: i.item,
      passage: { id: excerpt.id, exact: excerpt.exact, prefix: excerpt.prefix, suffix: excerpt.suffix, sourceId: excerpt.sourceId, sourceTitle: excerpt.source.title, author: excerpt.source.author.shortName || excerpt.source.author.name },
      claim: { id: i.claimId, text: claimOf.get(i.claimId)?.text ?? "" },
    };
  });
}

/** Every member who may answer, with how many items each has answered (names: for those who run it). */
async function readProgress(workspaceId: string, facilitatorId: string, coding: Awaited<ReturnType<typeof readRoundCoding>>) {
  const members = await db().member.findMany({
    where: { workspaceId, role: { in: ["COMMENTER", "EDITOR"] }, userId: { not: facilitatorId } },
    select: { userId: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const answered = new Map(coding.coders.map((c) => [c.userId, c.answers.length]));
  return members.map((m) => {
    const count = answered.get(m.userId) ?? 0;
    return { name: m.user.name, answered: count, finished: count === coding.items.length };
  });
}

function revealOf(coding: Awaited<ReturnType<typeof readRoundCoding>>, runs: boolean, ownPseudonym: string | null) {
  const { agreement, confusion } = statisticsOf(coding);
  const items = agreement.items.map((i) => {
    const answers = ROUND_ANSWERS.flatMap((a) => Array<TRoundAnswer>(i.answers[a]).fill(a));
    const majority = majorityOf(answers);
    return { ...i, majority, dispute: disputeOf(i.answers), adopted: majority !== null && majority === i.key };
  });
  return {
    agreement,
    confusion,
    items,
    /** Most disputed first: what a seminar discusses. */
    disputed: [...items].sort((a, b) => b.dispute - a.dispute || a.item - b.item).map((i) => i.item),
    me: ownPseudonym ? (agreement.participants.find((p) => p.pseudonym === ownPseudonym) ?? null) : null,
    names: runs ? Object.fromEntries(coding.coders.map((c) => [c.pseudonym, c.name])) : null,
  };
}
