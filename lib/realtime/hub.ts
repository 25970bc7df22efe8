import "server-only";
/**
 * Fan-out of workspace events to this process's event-stream subscribers. Every app instance
 * LISTENs on PostgreSQL; a NOTIFY (sent on commit by whichever instance made the change) carries
 * only the workspace and event id, and the hub reads the events themselves from the Event table —
 * once per workspace, however many subscribers — so a slow or reconnecting client misses nothing.
 */
import pg from "pg";
import { db } from "../db/client";
import { eventSpec, eventTypesWhere, STEERED_EVENT, type TEventEntity, type TEventType } from "../domain/events";
import { EVENTS_CHANNEL, PRESENCE_CHANNEL, PRESENCE_TTL_MS, type TChangeMessage, type TPresenceMessage } from "./events";

export interface TSubscriber {
  workspaceId: string;
  /** The user the stream was opened as (null: anonymous): their credential changes re-check it. */
  userId: string | null;
  /** Last event id sent to this subscriber. */
  lastId: bigint;
  sendChange(message: TChangeMessage): void;
  sendPresence(message: TPresenceMessage): void;
  /** Whether the reader is an owner: only owners are sent membership and invite changes. */
  owner: boolean;
  /** Checks the reader's access again; called when a change may have altered it. */
  recheck(): void;
}

const BATCH = 500;
/** Sent without their actor: whose vote or ballot it was is not for every reader of the stream. */
const PRIVATE_ACTOR_TYPES = eventTypesWhere((spec) => spec.privateActor);

interface TEventRow {
  id: bigint;
  type: TEventType;
  entityType: TEventEntity;
  entityId: string;
  actorId: string | null;
  claimId: string | null;
}

class Hub {
  private readonly subscribers = new Map<string, Set<TSubscriber>>();
  private readonly pending = new Map<string, Promise<void>>();
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

  async subscribe(subscriber: TSubscriber): Promise<() => void> {
    await this.ensureListening();
    let set = this.subscribers.get(subscriber.workspaceId);
    if (!set) this.subscribers.set(subscriber.workspaceId, (set = new Set()));
    set.add(subscriber);
    // Catch up from the log before live events: nothing between Last-Event-ID and now is lost.
    void this.deliver(subscriber.workspaceId);
    void this.sendPresenceTo(subscriber.workspaceId, [subscriber]);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(subscriber.workspaceId);
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  private ensureListening(): Promise<void> {
    if (this.listener) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    // LISTEN needs a session of its own: through a transaction-mode pooler (PgBouncer) it would be
    // lost between transactions, so the listener takes the direct address when there is one.
    const client = new pg.Client({ connectionString: process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL });
    client.on("notification", (message) => this.onNotification(message.channel, message.payload));
    client.on("error", () => this.reconnect(client));
    client.on("end", () => this.reconnect(client));
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    this.listener = client;
    // Anything committed while we were not listening is picked up from the log.
    for (const workspaceId of this.subscribers.keys()) void this.deliver(workspaceId);
  }

  private reconnect(client: pg.Client) {
    if (this.listener !== client) return;
    this.listener = null;
    client.removeAllListeners();
    client.end().catch(() => {});
    setTimeout(() => {
      if (this.subscribers.size > 0) this.ensureListening().catch(() => this.reconnectLater());
    }, 500);
  }

  private reconnectLater() {
    setTimeout(() => this.ensureListening().catch(() => this.reconnectLater()), 2000);
  }

  private onNotification(channel: string, payload: string | undefined) {
    let workspaceId: string | undefined;
    let userId: string | undefined;
    try {
      ({ w: workspaceId, u: userId } = JSON.parse(payload ?? "{}") as { w?: string; u?: string });
    } catch {
      return;
    }
    if (channel === EVENTS_CHANNEL && userId) {
      // A token revoked, a session ended: that user's streams check their access again.
      for (const set of this.subscribers.values()) for (const s of set) if (s.userId === userId) s.recheck();
      return;
    }
    if (!workspaceId || !this.subscribers.has(workspaceId)) return;
    if (channel === EVENTS_CHANNEL) void this.deliver(workspaceId);
    else void this.sendPresenceTo(workspaceId, [...(this.subscribers.get(workspaceId) ?? [])]);
  }

  /** Sends every subscriber of the workspace the events after its lastId; one query per round. */
  private deliver(workspaceId: string): Promise<void> {
    const previous = this.pending.get(workspaceId) ?? Promise.resolve();
    const next = previous.then(() => this.deliverNow(workspaceId)).catch((error) => console.error("[realtime] delivery failed", error));
    this.pending.set(workspaceId, next);
    void next.finally(() => {
      if (this.pending.get(workspaceId) === next) this.pending.delete(workspaceId);
    });
    return next;
  }

  private async deliverNow(workspaceId: string): Promise<void> {
    for (;;) {
      const subscribers = [...(this.subscribers.get(workspaceId) ?? [])];
      if (subscribers.length === 0) return;
      const from = subscribers.reduce((min, s) => (s.lastId < min ? s.lastId : min), subscribers[0].lastId);
      // The spotlight's claim rides along with its change, so followers move without asking.
      const events = await db().$queryRaw<TEventRow[]>`
        select id, type, "entityType", "entityId",
               case when type = any(${PRIVATE_ACTOR_TYPES}::text[]) then null else "actorId" end as "actorId",
               case when type = ${STEERED_EVENT} then after ->> 'spotlightClaimId' end as "claimId"
        from "Event" where "workspaceId" = ${workspaceId}::uuid and id > ${from}
        order by id asc limit ${BATCH}`;
      const recheck = new Set<TSubscriber>();
      for (const { claimId, ...event } of events) {
        const message: TChangeMessage = { ...event, id: event.id.toString(), ...(event.type === STEERED_EVENT ? { claimId } : {}) };
        const spec = eventSpec(event.type);
        for (const s of subscribers) {
          if (event.id > s.lastId) {
            s.lastId = event.id;
            // Who joined or left, and the invite links, are the owners' business.
            if (!spec?.ownersOnly || s.owner) s.sendChange(message);
            if (spec?.access) recheck.add(s);
          }
        }
      }
      for (const s of recheck) s.recheck();
      if (events.length < BATCH) return;
    }
  }

  private async sendPresenceTo(workspaceId: string, subscribers: TSubscriber[]) {
    if (subscribers.length === 0) return;
    const message = await currentPresence(workspaceId);
    for (const s of subscribers) s.sendPresence(message);
  }
}

/** Who has been seen in the workspace lately (one entry per person, their latest view). */
export async function currentPresence(workspaceId: string): Promise<TPresenceMessage> {
  const rows = await db().presence.findMany({
    where: { workspaceId, updatedAt: { gt: new Date(Date.now() - PRESENCE_TTL_MS) } },
    orderBy: { updatedAt: "desc" },
    select: { userId: true, view: true, targetId: true },
  });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.userId)) latest.set(row.userId, row);
  const users = await db().user.findMany({ where: { id: { in: [...latest.keys()] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return { here: [...latest.values()].map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? "Someone", view: r.view, targetId: r.targetId })) };
}

/**
 * Tells every app instance that `userId`'s tokens or sessions changed (one revoked, signed out
 * everywhere): their open event streams check their access again, and end if the token or session
 * they were opened with is no longer live.
 */
export async function notifyCredentialsChanged(userId: string): Promise<void> {
  await db().$executeRaw`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ u: userId })})`;
}

const globalForHub = globalThis as unknown as { stancemapHub?: Hub };

export function hub(): Hub {
  globalForHub.stancemapHub ??= new Hub();
  return globalForHub.stancemapHub;
}
