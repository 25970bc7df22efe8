import "server-only";
/**
 * Every change goes through `mutate`: authorization by the one shared function, one transaction,
 * an Event per change (the log for history, undo and realtime), a NOTIFY carrying only ids (sent by
 * PostgreSQL on commit, so listeners never hear of a change that was rolled back), and replay of
 * the first answer for a retried POST with the same Idempotency-Key.
 */
import { createHash } from "node:crypto";
import { db, Prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { EVENT_CATALOG, type TEventType } from "../domain/events";
import type { TRole } from "../domain/types";
import { authorize, type TAction, type TViewer, type TWorkspaceRef } from "./authorize";

import { EVENTS_CHANNEL } from "../realtime/events";

export type TTx = Prisma.TransactionClient;

/** One change to record: its type comes from the event catalog, which also gives its entity. */
export interface TEventInput {
  type: TEventType;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Records an Event in a change that is not inside one workspace's `mutate` (creating one). */
export type TRecordIn = (event: TEventInput & { workspaceId: string }) => void;

export interface TMutationContext {
  tx: TTx;
  workspace: TWorkspaceRef;
  role: TRole;
  viewer: TViewer;
  /** Records an Event for this change; written in the same transaction. */
  record(event: TEventInput): void;
}

export interface TMutationResult<T> {
  status: number;
  body: T;
}

export interface TMutationInput {
  viewer: TViewer;
  slug: string;
  action: TAction;
  /** The Idempotency-Key header, and what identifies the request it was sent with. */
  idempotency?: { key: string; method: string; path: string; body: unknown } | null;
  /** `authorize`'s answer for this viewer, slug and action, when the caller has it already. */
  access?: { workspace: TWorkspaceRef; role: TRole | null };
}

class Replay extends Error {
  constructor(readonly stored: TMutationResult<unknown>) {
    super("replay");
  }
}

/** JSON-safe copy for Event before/after (dates as ISO strings, bigint as strings). */
export function snapshot(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, jsonSafe)) as Prisma.InputJsonValue;
}

/** JSON.stringify replacer: bigint (event ids, counters) as strings; dates already become ISO strings. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** Authorizes `action` in the workspace, then runs `fn` as one recorded, idempotent transaction. */
export async function mutate<T>(input: TMutationInput, fn: (ctx: TMutationContext) => Promise<TMutationResult<T>>): Promise<TMutationResult<T>> {
  const { workspace, role } = input.access ?? (await authorize(input.viewer, input.slug, input.action));
  if (!role) throw new AppError("FORBIDDEN", "Only members of this workspace can make changes.");
  return transact(input, (tx, record) => fn({ tx, workspace, role, viewer: input.viewer, record: (event) => record({ ...event, workspaceId: workspace.id }) }));
}

/**
 * The transaction every change runs in: writes the recorded Events, NOTIFYs their ids, and stores
 * or replays the answer for an Idempotency-Key. For changes outside an existing workspace (creating
 * one); everything else goes through `mutate`.
 */
export async function transact<T>(
  input: Pick<TMutationInput, "viewer" | "idempotency"> & { timeoutMs?: number },
  fn: (tx: TTx, record: TRecordIn) => Promise<TMutationResult<T>>,
): Promise<TMutationResult<T>> {
  const events: (TEventInput & { workspaceId: string })[] = [];
  const idempotency = input.idempotency
    ? { callerId: input.viewer.userId, key: input.idempotency.key, fingerprint: fingerprintOf(input.idempotency) }
    : null;
  try {
    return await db().$transaction(
      async (tx) => {
        if (idempotency) {
          // Blocks while another request with this key is in flight; then sees its answer.
          const inserted = await tx.$executeRaw`
            insert into "IdempotentRequest" ("callerId", key, fingerprint, status, body)
            values (${idempotency.callerId}, ${idempotency.key}, ${idempotency.fingerprint}, 0, 'null'::jsonb)
            on conflict ("callerId", key) do nothing`;
          if (inserted === 0) {
            const stored = await tx.idempotentRequest.findUniqueOrThrow({ where: { callerId_key: { callerId: idempotency.callerId, key: idempotency.key } } });
            if (stored.fingerprint !== idempotency.fingerprint) {
              throw new AppError("UNPROCESSABLE", "This Idempotency-Key was already used for a different request; use a new key for a new request.");
            }
            throw new Replay({ status: stored.status, body: stored.body });
          }
        }
        const result = await fn(tx, (event) => events.push(event));
        if (idempotency) {
          await tx.idempotentRequest.update({
            where: { callerId_key: { callerId: idempotency.callerId, key: idempotency.key } },
            data: { status: result.status, body: snapshot(result.body) },
          });
        }
        // Last: the events' ordering lock is held from here to the commit.
        if (events.length > 0) await writeEvents(tx, input.viewer.userId, events);
        return result;
      },
      // A change is a few statements: 20 s is ample, and ends a transaction that would hold its
      // rows for longer. An import of a whole map asks for more.
      { timeout: input.timeoutMs ?? 20_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Replay) return error.stored as TMutationResult<T>;
    throw error;
  }
}

const EVENT_ORDER_LOCK_PREFIX = "stancemap:events:";

/**
 * The key of a workspace's event-ordering lock (a transaction-scoped advisory lock). Event ids come
 * from one sequence, and two changes that took ids 100 and 101 could commit in the other order: a
 * stream that had sent 101 would never send 100. A change takes its workspace's lock before its
 * events are numbered and holds it until it commits, so within a workspace ids are committed in
 * order and "every event after N" misses nothing.
 */
export function eventOrderLockKey(workspaceId: string): string {
  return EVENT_ORDER_LOCK_PREFIX + workspaceId;
}

/**
 * Takes the event-ordering locks of several workspaces, in one fixed order (no two changes can
 * wait for each other). For a change that records events in more than one workspace.
 */
export async function lockEventOrder(tx: TTx, workspaceIds: readonly string[]): Promise<void> {
  const keys = [...new Set(workspaceIds)].sort().map(eventOrderLockKey);
  await tx.$queryRaw`select count(pg_advisory_xact_lock(hashtext(k))) as n from (select k from unnest(${keys}::text[]) k order by k) ordered`;
}

/**
 * Inserts the recorded Events and NOTIFYs the last id of each workspace, in one statement: this
 * runs in every change, and each round trip costs the app more CPU than the insert costs the
 * database. The workspace's ordering lock (`eventOrderLockKey`) is taken in the same statement,
 * row by row before each row is numbered. The events travel as one JSON array (order kept by
 * ordinality, so ids follow the order of recording); an absent before/after stays SQL NULL.
 * createdAt is the app's clock in UTC, as Prisma writes it everywhere else.
 */
async function writeEvents(tx: TTx, actorId: string, events: (TEventInput & { workspaceId: string })[]): Promise<void> {
  // Several workspaces (none of today's changes): their locks first, in a fixed order.
  if (new Set(events.map((e) => e.workspaceId)).size > 1) await lockEventOrder(tx, events.map((e) => e.workspaceId));
  const rows = JSON.stringify(
    events.map((e) => ({ w: e.workspaceId, type: e.type, entityType: EVENT_CATALOG[e.type].entity, entityId: e.entityId, before: e.before, after: e.after })),
    jsonSafe,
  );
  await tx.$executeRaw`
    with created as (
      insert into "Event" ("workspaceId", "actorId", type, "entityType", "entityId", before, after, "createdAt")
      select (x.value ->> 'w')::uuid, ${actorId}::uuid, x.value ->> 'type', x.value ->> 'entityType', (x.value ->> 'entityId')::uuid,
             x.value -> 'before', x.value -> 'after', ${new Date()}::timestamp(3)
      from jsonb_array_elements(${rows}::jsonb) with ordinality as x(value, ord)
      cross join lateral (select pg_advisory_xact_lock(hashtext(${EVENT_ORDER_LOCK_PREFIX} || (x.value ->> 'w')))) as ordering
      order by x.ord
      returning id, "workspaceId")
    select pg_notify(${EVENTS_CHANNEL}, json_build_object('w', "workspaceId", 'e', max(id)::text)::text)
    from created group by "workspaceId"`;
}

/**
 * Records events in the statement that makes their rows, for a change made in one statement with
 * no explicit transaction (see `mutationRoute`'s `atOnce`): CTEs to append to that statement's
 * WITH list. `rows` yields (ord, type, "entityType", "entityId", after) from the data-modifying
 * CTEs before it; they are numbered in `ord` order under the workspace's ordering lock (held to
 * the statement's commit, as `writeEvents` holds it) and the last id is NOTIFYed. The statement
 * must select `(select count(*) from notified)`: a plain SELECT in WITH runs only when read.
 */
export function recordEventsSql(workspaceId: string, actorId: string, rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`, recorded as (
      insert into "Event" ("workspaceId", "actorId", type, "entityType", "entityId", after, "createdAt")
      select ${workspaceId}::uuid, ${actorId}::uuid, e.type, e."entityType", e."entityId", e.after, ${new Date()}::timestamp(3)
      from (${rows}) as e
      cross join lateral (select pg_advisory_xact_lock(hashtext(${eventOrderLockKey(workspaceId)}))) as ordering
      order by e.ord
      returning id
    ), notified as (
      select pg_notify(${EVENTS_CHANNEL}, json_build_object('w', ${workspaceId}::text, 'e', max(id)::text)::text) from recorded having count(*) > 0
    )`;
}

function fingerprintOf(request: { method: string; path: string; body: unknown }): string {
  return createHash("sha256").update(`${request.method} ${request.path}\n${JSON.stringify(request.body)}`).digest("hex");
}
