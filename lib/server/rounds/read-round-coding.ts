import "server-only";
import { confusionTable, summariseRound, type TCodedAnswer, type TCoder, type TConfusionTable, type TRoundAgreement, type TRoundAnswer } from "../../domain/coding-agreement";
import type { TRole, TStance, TVoice } from "../../domain/types";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { notFound } from "../../errors/app-error";
import type { TTx } from "../mutation";

export interface TRoundRow {
  id: string;
  title: string;
  askVoice: boolean;
  facilitatorId: string;
  createdAt: Date;
  closedAt: Date | null;
}

/** A coder with who they are and their answers' reasons and times. */
export interface TRoundCoder extends TCoder {
  userId: string;
  name: string;
  answers: (TCodedAnswer & { reason: string | null; answeredAt: Date })[];
}

export interface TRoundCoding {
  round: TRoundRow;
  items: { item: number; excerptId: string; claimId: string; key: TStance | null; keyEvidenceId: string | null }[];
  /** Everyone who answered at least one item, in the order of their first answer. */
  coders: TRoundCoder[];
}

const ROUND_FIELDS = { id: true, title: true, askVoice: true, facilitatorId: true, createdAt: true, closedAt: true } as const;

/** The round `roundId` of the workspace (404 when it is another's or none). */
export async function findRound(workspaceId: string, roundId: string, tx: TTx = db()): Promise<TRoundRow> {
  const round = await tx.round.findFirst({ where: { id: roundId, workspaceId }, select: ROUND_FIELDS });
  if (!round) throw notFound("Round");
  return round;
}

/** Whether the viewer runs the round: its facilitator, or an owner of the workspace. */
export function runsRound(round: Pick<TRoundRow, "facilitatorId">, userId: string | null, role: TRole | null): boolean {
  return userId !== null && (userId === round.facilitatorId || role === "OWNER");
}

/**
 * A round with its items, the map's key for each (the stance of the live evidence linking that
 * passage to that claim, when there is one) and every participant's answers, pseudonymised in the
 * order of their first answer ("Coder 1", …).
 */
export async function readRoundCoding(workspaceId: string, roundId: string, tx: TTx = db()): Promise<TRoundCoding> {
  const round = await findRound(workspaceId, roundId, tx);
  const [items, answers] = await Promise.all([
    tx.roundItem.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { position: true, excerptId: true, claimId: true } }),
    tx.roundAnswer.findMany({
      where: { roundId },
      orderBy: [{ answeredAt: "asc" }, { userId: "asc" }, { position: "asc" }],
      select: { position: true, userId: true, stance: true, voice: true, reason: true, answeredAt: true, user: { select: { name: true } } },
    }),
  ]);
  const evidence = await tx.evidence.findMany({
    where: { ...liveWhere.evidence, workspaceId, OR: items.map((i) => ({ excerptId: i.excerptId, claimId: i.claimId })) },
    orderBy: { createdAt: "asc" },
    select: { id: true, excerptId: true, claimId: true, stance: true },
  });
  const keyOf = new Map<string, { id: string; stance: TStance }>();
  for (const e of evidence) if (!keyOf.has(`${e.excerptId} ${e.claimId}`)) keyOf.set(`${e.excerptId} ${e.claimId}`, { id: e.id, stance: e.stance });
  const coders = new Map<string, TRoundCoding["coders"][number]>();
  for (const answer of answers) {
    let coder = coders.get(answer.userId);
    if (!coder) {
      coder = { userId: answer.userId, name: answer.user.name, pseudonym: `Coder ${coders.size + 1}`, answers: [] };
      coders.set(answer.userId, coder);
    }
    coder.answers.push({ item: answer.position, stance: answer.stance as TRoundAnswer, voice: (answer.voice as TVoice | null) ?? null, reason: answer.reason, answeredAt: answer.answeredAt });
  }
  return {
    round,
    items: items.map((i) => {
      const key = keyOf.get(`${i.excerptId} ${i.claimId}`) ?? null;
      return { item: i.position, excerptId: i.excerptId, claimId: i.claimId, key: key?.stance ?? null, keyEvidenceId: key?.id ?? null };
    }),
    coders: [...coders.values()],
  };
}

/** The round's statistics (the agreement answer) and its confusion table. */
export function statisticsOf(coding: TRoundCoding): { agreement: TRoundAgreement; confusion: TConfusionTable } {
  const keys = coding.items.map((i) => i.key);
  return { agreement: summariseRound(keys, coding.coders), confusion: confusionTable(keys, coding.coders) };
}
