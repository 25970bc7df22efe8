import "server-only";
import { roundAnswersToCsv } from "../../export/csv/round-answers";
import type { TRole } from "../../domain/types";
import { AppError } from "../../errors/app-error";
import { db } from "../../db/client";
import { readRoundCoding, runsRound, statisticsOf } from "./read-round-coding";

/**
 * A round's answers as CSV in long form (one row per answer, by pseudonym; for R or SPSS), or its
 * statistics as JSON. Before the close only those who run the round may take either: a
 * participant sees no one's answers until the reveal.
 */
export async function exportRound(workspaceId: string, roundId: string, format: "csv" | "json", viewer: { userId: string | null; role: TRole | null }) {
  const coding = await readRoundCoding(workspaceId, roundId);
  if (coding.round.closedAt === null && !runsRound(coding.round, viewer.userId, viewer.role)) {
    throw new AppError("FORBIDDEN", "The answers are revealed when the round closes.");
  }
  const base = `round-${roundId.slice(0, 8)}`;
  if (format === "json") {
    const { agreement, confusion } = statisticsOf(coding);
    const body = JSON.stringify({ round: { id: coding.round.id, title: coding.round.title, closedAt: coding.round.closedAt }, ...agreement, confusion }, null, 2);
    return { body, contentType: "application/json; charset=utf-8", filename: `${base}-statistics.json` };
  }
  const excerpts = await db().excerpt.findMany({ where: { id: { in: coding.items.map((i) => i.excerptId) } }, select: { id: true, exact: true } });
  const claims = await db().claim.findMany({ where: { id: { in: coding.items.map((i) => i.claimId) } }, select: { id: true, text: true } });
  const passage = new Map(excerpts.map((e) => [e.id, e.exact]));
  const claim = new Map(claims.map((c) => [c.id, c.text]));
  const rows = coding.coders.flatMap((coder) =>
    coder.answers.map((a) => {
      const item = coding.items[a.item];
      return {
        round: coding.round.title,
        item: a.item,
        passage: passage.get(item.excerptId) ?? "",
        claim: claim.get(item.claimId) ?? "",
        participant: coder.pseudonym,
        answer: a.stance,
        voice: a.voice ?? "",
        reason: a.reason ?? "",
        answeredAt: a.answeredAt.toISOString(),
      };
    }),
  );
  rows.sort((x, y) => x.item - y.item || x.participant.localeCompare(y.participant, "en", { numeric: true }));
  return { body: roundAnswersToCsv(rows), contentType: "text/csv; charset=utf-8", filename: `${base}-answers.csv` };
}
