import "server-only";
import { db } from "../../db/client";
import { eventTypesWhere } from "../../domain/events";
import type { THistoryEvent } from "../../domain/history";
import type { TRole } from "../../domain/types";
import type { TViewer } from "../authorize";
import { UNDOABLE_TYPES } from "./undo-event";

export type { THistoryEvent };

/**
 * Events the history leaves out (the catalog says which): votes, ballots, polls and the spotlight
 * moving are the seminar's traffic, not changes to the map, and a person's votes are theirs.
 */
const MAX_PAGE_BYTES = 1_000_000;

const LEFT_OUT_TYPES = eventTypesWhere((spec) => spec.history === null);
/** For everyone but owners, membership and invite links are left out too: who joined, left or holds which role is the owners' business. */
const LEFT_OUT_FOR_MEMBERS = eventTypesWhere((spec) => spec.history === null || spec.ownersOnly);

/**
 * The event log of a workspace, newest first; for one entity (a claim, an excerpt…) when
 * `entityId` is given, including the changes to its evidence when it is a claim or an excerpt.
 */
export async function listEvents(
  workspaceId: string,
  viewer: TViewer | null,
  role: TRole | null,
  options: { entityId?: string; before?: bigint; limit?: number } = {},
): Promise<{ events: THistoryEvent[]; next: string | null }> {
  const limit = Math.min(options.limit ?? 100, 500);
  let entityIds: string[] | undefined;
  if (options.entityId) {
    const evidence = await db().evidence.findMany({ where: { workspaceId, OR: [{ claimId: options.entityId }, { excerptId: options.entityId }] }, select: { id: true } });
    entityIds = [options.entityId, ...evidence.map((e) => e.id)];
  }
  const rows = await db().event.findMany({
    where: { workspaceId, type: { notIn: role === "OWNER" ? LEFT_OUT_TYPES : LEFT_OUT_FOR_MEMBERS }, ...(entityIds ? { entityId: { in: entityIds } } : {}), ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, type: true, entityType: true, entityId: true, createdAt: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
  // A page stops at about a megabyte, however many events were asked for: one reorder of a large
  // map records every claim's id twice, and 500 of them made answers of hundreds of megabytes.
  let bytes = 0;
  let fits = 0;
  for (const row of rows.slice(0, limit)) {
    bytes += JSON.stringify([row.before, row.after]).length;
    if (fits > 0 && bytes > MAX_PAGE_BYTES) break;
    fits++;
  }
  const page = rows.slice(0, fits);
  const ids = page.map((e) => e.id.toString());
  const undos = ids.length
    ? await db().$queryRaw<{ id: bigint; undoOf: string }[]>`
        select id, after->>'undoOf' as "undoOf" from "Event"
        where "workspaceId" = ${workspaceId}::uuid and after->>'undoOf' = any(${ids}::text[])`
    : [];
  const undoneBy = new Map(undos.map((u) => [u.undoOf, u.id.toString()]));
  return {
    events: page.map((e) => ({
      id: e.id.toString(),
      type: e.type,
      entityType: e.entityType,
      entityId: e.entityId,
      actor: e.actor,
      createdAt: e.createdAt.toISOString(),
      before: shown(e.before),
      after: shown(e.after),
      undoneBy: undoneBy.get(e.id.toString()) ?? null,
      undoable: UNDOABLE_TYPES.has(e.type) && !undoneBy.has(e.id.toString()) && viewer !== null && (role === "OWNER" || (e.actor?.id === viewer.userId && (role === "EDITOR"))),
    })),
    next: rows.length > page.length ? page[page.length - 1].id.toString() : null,
  };
}

/** What the history shows of a change's before/after: a claim order as how many claims it held (the ids say nothing to a reader). */
function shown(value: unknown): unknown {
  if (!value || typeof value !== "object" || !Array.isArray((value as { order?: unknown }).order)) return value;
  const { order, ...rest } = value as { order: unknown[] } & Record<string, unknown>;
  return { ...rest, claims: order.length };
}
