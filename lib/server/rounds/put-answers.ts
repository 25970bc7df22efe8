import "server-only";
import { isRoundParticipant } from "../authorize";
import { AppError, notFound } from "../../errors/app-error";
import type { TPutAnswers } from "../../schemas/rounds";
import type { TMutationContext } from "../mutation";

/**
 * Sets some of the caller's own answers in an open round (a later answer to an item replaces the
 * earlier). 423 once the round is closed. The Event carries how many items the caller has
 * answered, never what: the stream and the log stay blind.
 */
export async function putAnswers({ tx, workspace, viewer, role, record }: TMutationContext, roundId: string, input: TPutAnswers) {
  // Share-locked: a close waits for answers in flight, and answers after a committed close find it closed.
  const rows = await tx.$queryRaw<{ facilitatorId: string; closed: boolean; items: number }[]>`
    select r."facilitatorId"::text as "facilitatorId", r."closedAt" is not null as closed,
      (select count(*)::int from "RoundItem" i where i."roundId" = r.id) as items
    from "Round" r where r.id = ${roundId}::uuid and r."workspaceId" = ${workspace.id}::uuid
    for share of r`;
  const round = rows[0];
  if (!round) throw notFound("Round");
  if (round.closed) throw new AppError("LOCKED", "This round is closed: answers can no longer change.");
  if (!isRoundParticipant(role, viewer.userId, round.facilitatorId)) throw new AppError("FORBIDDEN", "Those who run a round do not answer it; its participants do.");
  const outside = input.answers.filter((a) => a.item >= round.items);
  if (outside.length > 0) {
    throw new AppError("UNPROCESSABLE", `This round has ${round.items} items (0 to ${round.items - 1}).`, { issues: outside.map((a) => ({ path: "answers", message: `No item ${a.item}` })) });
  }
  const answeredAt = new Date();
  for (const answer of input.answers) {
    const data = { stance: answer.stance, voice: answer.voice ?? null, reason: answer.reason || null, answeredAt };
    await tx.roundAnswer.upsert({
      where: { roundId_userId_position: { roundId, userId: viewer.userId, position: answer.item } },
      create: { roundId, userId: viewer.userId, position: answer.item, ...data },
      update: data,
    });
  }
  const answered = await tx.roundAnswer.count({ where: { roundId, userId: viewer.userId } });
  record({ type: "round.answered", entityId: roundId, after: { answered } });
  return { answered, items: round.items, finished: answered === round.items };
}
