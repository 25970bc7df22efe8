import "server-only";
import type { TRoundAgreement } from "../../domain/coding-agreement";
import type { TRole } from "../../domain/types";
import { AppError } from "../../errors/app-error";
import { readRoundCoding, runsRound, statisticsOf } from "./read-round-coding";

/**
 * The round's agreement: alpha over the coders, per item the answers and the map's key, per
 * participant (by pseudonym) kappa with the key and agreement with the majority. Before the close
 * only those who run the round may see it (403 for everyone else).
 */
export async function getRoundAgreement(workspaceId: string, roundId: string, viewer: { userId: string | null; role: TRole | null }): Promise<TRoundAgreement> {
  const coding = await readRoundCoding(workspaceId, roundId);
  if (coding.round.closedAt === null && !runsRound(coding.round, viewer.userId, viewer.role)) {
    throw new AppError("FORBIDDEN", "The agreement is revealed when the round closes.");
  }
  return statisticsOf(coding).agreement;
}
