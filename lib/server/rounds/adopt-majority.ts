import "server-only";
import { majorityOf, type TRoundAnswer } from "../../domain/coding-agreement";
import { STANCES, type TStance, type TVoice } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import { addEvidence } from "../evidence/add-evidence";
import { updateEvidence } from "../evidence/update-evidence";
import type { TMutationContext } from "../mutation";
import { readRoundCoding, runsRound } from "./read-round-coding";

/**
 * Makes the majority answer of one item of a closed round the map's evidence for that passage and
 * claim, in one step: a new evidence link (`evidence.created`), or the existing link's stance
 * changed (`evidence.updated`) — both undoable from the history like any other change.
 */
export async function adoptMajority(ctx: TMutationContext, roundId: string, item: number) {
  const coding = await readRoundCoding(ctx.workspace.id, roundId, ctx.tx);
  if (!runsRound(coding.round, ctx.viewer.userId, ctx.role)) throw new AppError("FORBIDDEN", "Only the round's facilitator or an owner may adopt its answers.");
  if (coding.round.closedAt === null) throw new AppError("CONFLICT", "Close the round first: its answers are adopted after the reveal.");
  const target = coding.items.find((i) => i.item === item);
  if (!target) throw notFound(`Item ${item}`);
  const answers = coding.coders.flatMap((c) => c.answers.filter((a) => a.item === item));
  const majority = majorityOf(answers.map((a) => a.stance));
  if (majority === null) throw new AppError("UNPROCESSABLE", "This item has no majority answer (nobody answered, or answers tie).");
  if (!isStance(majority)) throw new AppError("UNPROCESSABLE", "The majority found this passage not relevant to the claim: there is no stance to adopt.");
  const voice = majorityVoice(answers.filter((a) => a.stance === majority).map((a) => a.voice));
  if (target.keyEvidenceId) {
    if (target.key === majority) throw new AppError("CONFLICT", "The map's evidence already has the majority's stance.");
    const existing = await ctx.tx.evidence.findFirstOrThrow({ where: { id: target.keyEvidenceId }, select: { version: true } });
    const evidence = await updateEvidence(ctx, target.keyEvidenceId, { version: existing.version, stance: majority, ...(voice ? { voice } : {}) });
    return { item, stance: majority, evidence, created: false };
  }
  const evidence = await addEvidence(ctx, { excerptId: target.excerptId, claimId: target.claimId, stance: majority, voice: voice ?? "AUTHOR" });
  return { item, stance: majority, evidence, created: true };
}

function isStance(answer: TRoundAnswer): answer is TStance {
  return (STANCES as readonly string[]).includes(answer);
}

/** The voice most of the majority gave, when the round asked for it (null otherwise, or on a tie). */
function majorityVoice(voices: (TVoice | null)[]): TVoice | null {
  const author = voices.filter((v) => v === "AUTHOR").length;
  const reported = voices.filter((v) => v === "REPORTED").length;
  if (author === reported) return null;
  return author > reported ? "AUTHOR" : "REPORTED";
}
