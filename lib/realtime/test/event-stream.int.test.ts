/**
 * The event stream against a real PostgreSQL: resuming with Last-Event-ID replays exactly the
 * missed events, and a change made by another process (another app instance) arrives through
 * LISTEN/NOTIFY.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { eventOrderLockKey } from "../../server/mutation";
import { db } from "../../db/client";
import { createActor, type TActor } from "../../testing/actors";
import { call } from "../../testing/call";
import { GET as events } from "../../../app/api/workspaces/[slug]/events/route";
import { POST as createClaim } from "../../../app/api/workspaces/[slug]/claims/route";
import { PATCH as patchClaim } from "../../../app/api/workspaces/[slug]/claims/[id]/route";
import { PUT as putVote } from "../../../app/api/workspaces/[slug]/claims/[id]/vote/route";
import { POST as endSession } from "../../../app/api/workspaces/[slug]/session/end/route";
import { PATCH as steer, POST as startSession } from "../../../app/api/workspaces/[slug]/session/route";
import { EVENTS_CHANNEL, type TChangeMessage } from "../events";

const SLUG = "sco-debate";
let editor: TActor;

beforeAll(async () => {
  editor = await createActor(SLUG, "EDITOR", "Streamer");
});

/** Opens the stream and collects change messages until `until` says stop (or the time runs out). */
async function collect(headers: Record<string, string>, until: (messages: TChangeMessage[]) => boolean, during?: () => Promise<void>, timeoutMs = 8000, query = "") {
  const controller = new AbortController();
  const response = await events(new Request(`http://localhost/api/workspaces/${SLUG}/events${query}`, { headers, signal: controller.signal }), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: TChangeMessage[] = [];
  let buffer = "";
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split("\n").filter((l) => !l.startsWith(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
        if (fields.event === "change") {
          const message = JSON.parse(fields.data) as TChangeMessage;
          expect(fields.id).toBe(message.id);
          messages.push(message);
        }
      }
    }
  })();
  if (during) await during();
  const deadline = Date.now() + timeoutMs;
  while (!until(messages) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  controller.abort();
  await reader.cancel().catch(() => {});
  await pump.catch(() => {});
  return messages;
}

async function makeClaim(text: string): Promise<string> {
  const result = await call(createClaim, { method: "POST", params: { slug: SLUG }, body: { text }, headers: editor.headers });
  expect(result.status).toBe(201);
  return result.body.id;
}

describe("GET /api/workspaces/:slug/events", () => {
  it("replays exactly the events after Last-Event-ID, in order", async () => {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: SLUG } });
    const seen = await db().event.findFirstOrThrow({ where: { workspaceId: workspace.id }, orderBy: { id: "desc" } });
    const missed = [await makeClaim("Missed one."), await makeClaim("Missed two."), await makeClaim("Missed three.")];
    const expected = await db().event.findMany({ where: { workspaceId: workspace.id, id: { gt: seen.id } }, orderBy: { id: "asc" } });
    expect(expected.map((e) => e.entityId)).toEqual(missed);

    const messages = await collect({ "last-event-id": seen.id.toString() }, (m) => m.length >= 3);
    expect(messages.map((m) => m.id)).toEqual(expected.map((e) => e.id.toString()));
    expect(messages.map((m) => m.type)).toEqual(["claim.created", "claim.created", "claim.created"]);
    expect(messages.map((m) => m.entityId)).toEqual(missed);
  });

  it("on a first connection, starts after ?after= (the newest event when the page was read)", async () => {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: SLUG } });
    const readAt = await db().event.findFirstOrThrow({ where: { workspaceId: workspace.id }, orderBy: { id: "desc" } });
    // Committed after the page was read, before its stream opened.
    const between = await makeClaim("Made before the page connected.");
    const messages = await collect({}, (m) => m.some((x) => x.entityId === between), undefined, 8000, `?after=${readAt.id}`);
    expect(messages.map((m) => m.entityId)).toEqual([between]);
    // Last-Event-ID (a reconnection) wins over ?after=.
    const resumed = await collect({ "last-event-id": messages[0].id }, (m) => m.length > 0, undefined, 600, `?after=${readAt.id}`);
    expect(resumed).toEqual([]);
  });

  it("misses no event when a change that was numbered first commits last", async () => {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: SLUG } });
    const claim = await db().claim.findFirstOrThrow({ where: { workspaceId: workspace.id, deletedAt: null }, select: { id: true } });
    // Another change, in flight: it holds the workspace's ordering lock and has numbered its event,
    // but has not committed yet.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    let slowId = "";
    let quickId = "";
    let quickDone = false;
    try {
      const messages = await collect({}, (m) => m.some((x) => x.id === slowId) && m.some((x) => x.entityId === quickId), async () => {
        await other.query("begin");
        await other.query("select pg_advisory_xact_lock(hashtext($1))", [eventOrderLockKey(workspace.id)]);
        const inserted = await other.query<{ id: string }>(
          `insert into "Event" ("workspaceId", "actorId", type, "entityType", "entityId", before, after, "createdAt")
           values ($1, $2, 'claim.updated', 'claim', $3, null, null, now()) returning id::text`,
          [workspace.id, editor.userId, claim.id],
        );
        slowId = inserted.rows[0].id;
        // A change made meanwhile waits for the earlier one to commit before numbering its own event.
        const quick = makeClaim("Made while another change was committing.").then((id) => {
          quickDone = true;
          quickId = id;
        });
        await new Promise((r) => setTimeout(r, 500));
        expect(quickDone).toBe(false);
        await other.query("select pg_notify($1, json_build_object('w', $2::text, 'e', $3::text)::text)", [EVENTS_CHANNEL, workspace.id, slowId]);
        await other.query("commit");
        await quick;
      });
      const ids = messages.map((m) => BigInt(m.id));
      expect(messages.map((m) => m.id)).toContain(slowId);
      expect(messages.find((m) => m.entityId === quickId)).toBeDefined();
      expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
    } finally {
      await other.query("rollback").catch(() => {});
      await other.end();
    }
  });

  it("delivers live changes made after connecting, and nothing from before", async () => {
    let id = "";
    const messages = await collect({}, (m) => m.some((x) => x.entityId === id), async () => {
      await new Promise((r) => setTimeout(r, 200));
      id = await makeClaim("Made while listening.");
    });
    expect(messages.map((m) => m.entityId)).toEqual([id]);
  });

  it("names the spotlighted claim on a session's steering message, so followers need not ask", async () => {
    const claims = await db().claim.findMany({ where: { workspace: { slug: SLUG }, deletedAt: null }, orderBy: [{ rank: "asc" }, { createdAt: "asc" }], take: 2, select: { id: true } });
    const session = { method: "POST", params: { slug: SLUG }, headers: editor.headers };
    let spotlit = "";
    try {
      const messages = await collect({}, (m) => m.some((x) => x.type === "seminar.steered" && x.claimId === spotlit) && m.some((x) => x.type === "seminar.steered" && x.claimId === null), async () => {
        await new Promise((r) => setTimeout(r, 200));
        expect((await call(startSession, { ...session, body: { spotlightClaimId: claims[0].id } })).status).toBe(201);
        spotlit = claims[1].id;
        expect((await call(steer, { ...session, method: "PATCH", body: { spotlightClaimId: spotlit } })).status).toBe(200);
        expect((await call(steer, { ...session, method: "PATCH", body: { locked: true } })).status).toBe(200);
        expect((await call(steer, { ...session, method: "PATCH", body: { spotlightClaimId: null } })).status).toBe(200);
      });
      const steered = messages.filter((m) => m.type === "seminar.steered");
      expect(steered.map((m) => m.claimId)).toEqual([spotlit, null]);
      // Every other change carries ids only, as before.
      const others = messages.filter((m) => m.type !== "seminar.steered");
      expect(others.length).toBeGreaterThan(0);
      for (const m of others) expect(m).not.toHaveProperty("claimId");
    } finally {
      await call(endSession, { ...session, body: {} });
    }
  });

  it("sends votes and poll ballots without their actor, and other changes with it", async () => {
    const claimId = await makeClaim("Voted on in the open.");
    const voter = await createActor(SLUG, "COMMENTER", "Voter");
    const messages = await collect({}, (m) => m.some((x) => x.type === "vote.cast") && m.some((x) => x.type === "claim.updated"), async () => {
      expect((await call(putVote, { method: "PUT", params: { slug: SLUG, id: claimId }, body: { choice: "AGREE" }, headers: voter.headers })).status).toBe(200);
      expect((await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claimId }, body: { version: 1, text: "Voted on, edited." }, headers: editor.headers })).status).toBe(200);
    });
    const vote = messages.find((m) => m.type === "vote.cast")!;
    expect(vote).toMatchObject({ entityType: "vote", actorId: null });
    // The log still knows who voted (a person's own vote is shown to them); the stream does not say.
    expect((await db().event.findFirstOrThrow({ where: { id: BigInt(vote.id) } })).actorId).toBe(voter.userId);
    expect(messages.find((m) => m.type === "claim.updated")).toMatchObject({ entityId: claimId, actorId: editor.userId });
  });

  it("delivers a change made by another app instance on the same database (LISTEN/NOTIFY)", async () => {
    let fromOther: { id: string } | null = null;
    const root = path.resolve(import.meta.dirname, "../../..");
    const messages = await collect({}, (m) => fromOther !== null && m.some((x) => x.entityId === fromOther!.id), async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", path.join(root, "lib/realtime/test/notify-from-another-process.ts"), SLUG, editor.userId, "Written by the other instance."],
        { cwd: root, env: { ...process.env } },
      );
      fromOther = JSON.parse(stdout.trim().split("\n").at(-1)!);
    }, 20_000);
    expect(messages.map((m) => m.entityId)).toContain(fromOther!.id);
  });

  it("refuses a malformed Last-Event-ID and hides private workspaces", async () => {
    const bad = await events(new Request(`http://localhost/api/workspaces/${SLUG}/events`, { headers: { "last-event-id": "yesterday" } }), { params: Promise.resolve({ slug: SLUG }) });
    expect(bad.status).toBe(400);
    await db().workspace.create({ data: { slug: "private-stream", title: "Private", visibility: "PRIVATE" } });
    const hidden = await events(new Request("http://localhost/api/workspaces/private-stream/events"), { params: Promise.resolve({ slug: "private-stream" }) });
    expect(hidden.status).toBe(404);
  });
});
