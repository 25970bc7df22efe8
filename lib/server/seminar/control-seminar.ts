import "server-only";
import { liveWhere } from "../../db/live-rows";
import { stepClaim, withDiscussed } from "../../domain/seminar";
import { AppError, notFound } from "../../errors/app-error";
import type { TSteerSeminar } from "../../schemas/seminar";
import { isAllowed } from "../authorize";
import type { TMutationContext, TTx } from "../mutation";

const SEMINAR_FIELDS = { id: true, version: true, facilitatorId: true, spotlightClaimId: true, discussed: true, locked: true, startedAt: true } as const;

/** Starts a live session with the caller as facilitator; 409 when one is already running. */
export async function startSeminar({ tx, workspace, role, viewer, record }: TMutationContext, input: { spotlightClaimId?: string }) {
  if (!isAllowed(role, workspace.visibility, "edit")) throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can run a live session.");
  if (input.spotlightClaimId) await liveClaim(tx, workspace.id, input.spotlightClaimId);
  const spotlight = input.spotlightClaimId ?? null;
  // The partial unique index allows one live session per workspace, even between two racing starts.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    insert into "Seminar" ("workspaceId", "facilitatorId", "spotlightClaimId", discussed)
    values (${workspace.id}::uuid, ${viewer.userId}::uuid, ${spotlight}::uuid, ${spotlight ? [spotlight] : []}::uuid[])
    on conflict ("workspaceId") where "endedAt" is null do nothing
    returning id::text as id`;
  if (inserted.length === 0) {
    const running = await tx.seminar.findFirst({ where: { workspaceId: workspace.id, endedAt: null }, select: { facilitatorId: true } });
    const who = running ? await tx.user.findUnique({ where: { id: running.facilitatorId }, select: { name: true } }) : null;
    throw new AppError("CONFLICT", `A live session is already running in this workspace${who ? `, facilitated by ${who.name}` : ""}. Join it, or ask them to end it.`);
  }
  const seminar = await tx.seminar.findUniqueOrThrow({ where: { id: inserted[0].id }, select: SEMINAR_FIELDS });
  record({ type: "seminar.started", entityId: seminar.id, after: seminar });
  return seminar;
}

/**
 * The facilitator's controls: spotlight a claim (or step to the next or previous one in the map's
 * order) and lock or unlock editing. Only the facilitator may steer.
 */
export async function steerSeminar({ tx, workspace, viewer, record }: TMutationContext, input: TSteerSeminar) {
  const before = await lockLiveSeminar(tx, workspace.id);
  assertFacilitator(before, viewer.userId);
  let spotlight = before.spotlightClaimId;
  if (input.spotlightClaimId !== undefined) {
    if (input.spotlightClaimId !== null) await liveClaim(tx, workspace.id, input.spotlightClaimId);
    spotlight = input.spotlightClaimId;
  } else if (input.step) {
    const order = (await tx.claim.findMany({ where: { workspaceId: workspace.id, ...liveWhere.claim }, orderBy: [{ rank: "asc" }, { createdAt: "asc" }], select: { id: true } })).map((c) => c.id);
    const next = stepClaim(order, spotlight, input.step === "next" ? 1 : -1);
    if (next === null) throw new AppError("UNPROCESSABLE", order.length === 0 ? "This map has no claims to show." : `There is no ${input.step} claim: this is the ${input.step === "next" ? "last" : "first"} one.`);
    spotlight = next;
  }
  const locked = input.locked ?? before.locked;
  const after = await tx.seminar.update({
    where: { id: before.id },
    data: { spotlightClaimId: spotlight, discussed: withDiscussed(before.discussed, spotlight), locked, version: { increment: 1 } },
    select: SEMINAR_FIELDS,
  });
  if (spotlight !== before.spotlightClaimId) record({ type: "seminar.steered", entityId: after.id, before: { spotlightClaimId: before.spotlightClaimId }, after: { spotlightClaimId: spotlight } });
  if (locked !== before.locked) record({ type: locked ? "seminar.locked" : "seminar.unlocked", entityId: after.id, before: { locked: before.locked }, after: { locked } });
  return after;
}

/** Opens a poll on a claim (the spotlighted one by default); 409 while another poll is open. */
export async function openPoll({ tx, workspace, viewer, record }: TMutationContext, input: { claimId?: string }) {
  const seminar = await lockLiveSeminar(tx, workspace.id);
  assertFacilitator(seminar, viewer.userId);
  const claimId = input.claimId ?? seminar.spotlightClaimId;
  if (!claimId) throw new AppError("UNPROCESSABLE", "Spotlight a claim first, or name the claim to poll (claimId).");
  await liveClaim(tx, workspace.id, claimId);
  const open = await tx.poll.findFirst({ where: { seminarId: seminar.id, closedAt: null }, select: { id: true } });
  if (open) throw new AppError("CONFLICT", "A poll is already open; close it before opening another.");
  const poll = await tx.poll.create({ data: { seminarId: seminar.id, claimId }, select: { id: true, claimId: true, openedAt: true } });
  record({ type: "poll.opened", entityId: poll.id, after: poll });
  return poll;
}

/** Closes the open poll, or reveals or hides the latest poll's result. */
export async function updatePoll({ tx, workspace, viewer, record }: TMutationContext, action: "close" | "reveal" | "hide") {
  const seminar = await lockLiveSeminar(tx, workspace.id);
  assertFacilitator(seminar, viewer.userId);
  const poll = await tx.poll.findFirst({ where: { seminarId: seminar.id, ...(action === "close" ? { closedAt: null } : {}) }, orderBy: { openedAt: "desc" }, select: { id: true, claimId: true, closedAt: true, revealedAt: true } });
  if (!poll) throw new AppError("UNPROCESSABLE", action === "close" ? "No poll is open." : "No poll has been run in this session yet.");
  const data = action === "close" ? { closedAt: new Date() } : { revealedAt: action === "reveal" ? (poll.revealedAt ?? new Date()) : null };
  const after = await tx.poll.update({ where: { id: poll.id }, data, select: { id: true, claimId: true, closedAt: true, revealedAt: true } });
  const type = action === "close" ? "poll.closed" : action === "reveal" ? "poll.revealed" : "poll.hidden";
  record({ type, entityId: poll.id, before: poll, after });
  return after;
}

/** The live session, row-locked so that controls from two tabs apply one after the other. */
export async function lockLiveSeminar(tx: TTx, workspaceId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`select id::text as id from "Seminar" where "workspaceId" = ${workspaceId}::uuid and "endedAt" is null for update`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "No live session is running in this workspace.");
  return tx.seminar.findUniqueOrThrow({ where: { id: rows[0].id }, select: SEMINAR_FIELDS });
}

function assertFacilitator(seminar: { facilitatorId: string }, userId: string) {
  if (seminar.facilitatorId !== userId) throw new AppError("FORBIDDEN", "Only the session's facilitator can steer it.");
}

async function liveClaim(tx: TTx, workspaceId: string, claimId: string) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, workspaceId, deletedAt: null }, select: { id: true } });
  if (!claim) throw notFound("Claim");
  return claim;
}
