import "server-only";
import { AppError } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { findRound, runsRound } from "./read-round-coding";

/** Closes an open round, which reveals its answers and agreement; its facilitator or an owner. */
export async function closeRound({ tx, workspace, viewer, role, record }: TMutationContext, roundId: string) {
  const round = await findRound(workspace.id, roundId, tx);
  if (!runsRound(round, viewer.userId, role)) throw new AppError("FORBIDDEN", "Only the round's facilitator or an owner may close it.");
  const closedAt = new Date();
  const closed = await tx.round.updateMany({ where: { id: roundId, closedAt: null }, data: { closedAt } });
  if (closed.count === 0) throw new AppError("CONFLICT", "This round is already closed.");
  record({ type: "round.closed", entityId: roundId, after: { closedAt } });
  return { id: roundId, closedAt };
}
