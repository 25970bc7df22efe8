/**
 * Adding evidence in one statement (`createExcerptAtOnce`, tried first by POST …/excerpts without
 * an Idempotency-Key): it records the same events as the general path and NOTIFYs them, refuses
 * what the general path refuses with nothing written, and gives way to the general path when the
 * source changed under the text held in memory.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { EVENTS_CHANNEL } from "@/lib/realtime/events";
import { createExcerptAtOnce } from "@/lib/server/excerpts/create-excerpt";
import { createActor, countRows, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";

const SLUG = "sco-debate";
const params = { slug: SLUG };
let editor: TActor;
let source: { id: string; text: string };
let claims: string[];
let workspace: { id: string; slug: string; title: string; description: string; visibility: "PUBLIC" | "LINK" | "PRIVATE" };
let listener: pg.Client;
const heard: { w: string; e: string }[] = [];

/** A passage of the source by offsets, as the reader sends it. */
function passage(start: number, length = 60) {
  return { start, end: start + length, exact: source.text.slice(start, start + length) };
}

function context() {
  return { viewer: { userId: editor.userId, via: "token" as const, scope: "write" as const }, workspace, role: "EDITOR" as const };
}

/** The events a change recorded for `entityIds`, in id order, without what differs between two writes (ids, offsets, times). */
async function eventsOf(entityIds: string[]) {
  const rows = await db().event.findMany({ where: { entityId: { in: entityIds } }, orderBy: { id: "asc" } });
  return rows.map((e) => ({
    type: e.type,
    entityType: e.entityType,
    actorId: e.actorId,
    workspaceId: e.workspaceId,
    before: e.before,
    afterKeys: Object.keys(e.after as object).sort(),
    after: { ...(e.after as Record<string, unknown>), id: "…", excerptId: "…", start: "…", end: "…", exact: "…", prefix: "…", suffix: "…" },
  }));
}

beforeAll(async () => {
  editor = await createActor(SLUG, "EDITOR", "At once");
  const row = await db().workspace.findUniqueOrThrow({ where: { slug: SLUG } });
  workspace = { id: row.id, slug: row.slug, title: row.title, description: row.description, visibility: row.visibility };
  source = await db().source.findFirstOrThrow({ where: { workspaceId: row.id, title: { startsWith: "Rogue NATO" } }, select: { id: true, text: true } });
  claims = (await db().claim.findMany({ where: { workspaceId: row.id, deletedAt: null }, orderBy: { rank: "asc" }, select: { id: true } })).map((c) => c.id);
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (n) => heard.push(JSON.parse(n.payload ?? "{}")));
  await listener.query(`listen ${EVENTS_CHANNEL}`);
  // The general path reads the source's text and keeps it in memory; the one-statement write needs it there.
  const warm = await call(createExcerpt, { method: "POST", params, headers: editor.headers, body: { sourceId: source.id, selector: passage(100), evidence: [{ claimId: claims[0], stance: "SUPPORTS", voice: "AUTHOR" }] } });
  expect(warm.status).toBe(201);
});

afterAll(async () => {
  await listener?.end();
});

describe("evidence added in one statement", () => {
  it("records the events the general path records, in the same order, and notifies their last id", async () => {
    const evidence = [
      { claimId: claims[1], stance: "OPPOSES" as const, voice: "AUTHOR" as const, note: "a note" },
      { claimId: claims[2], stance: "QUALIFIES" as const, voice: "REPORTED" as const },
    ];
    const before = heard.length;
    const atOnce = await createExcerptAtOnce(context(), { sourceId: source.id, selector: passage(400), evidence });
    expect(atOnce?.status).toBe(201);
    const body = atOnce!.body;
    expect(body.evidence.map((e) => [e.claimId, e.stance, e.voice, e.note])).toEqual([
      [claims[1], "OPPOSES", "AUTHOR", "a note"],
      [claims[2], "QUALIFIES", "REPORTED", null],
    ]);
    expect(body.anchoring).toEqual({ method: "exact", score: 1 });

    // The same request with an Idempotency-Key takes the general path (a transaction recording events from the app).
    const general = await call(createExcerpt, { method: "POST", params, headers: { ...editor.headers, "idempotency-key": `general-${Date.now()}` }, body: { sourceId: source.id, selector: passage(700), evidence } });
    expect(general.status).toBe(201);
    expect(Object.keys(general.body).sort()).toEqual(Object.keys(body).sort());

    const fromAtOnce = await eventsOf([body.id, ...body.evidence.map((e) => e.id)]);
    const fromGeneral = await eventsOf([general.body.id, ...general.body.evidence.map((e: { id: string }) => e.id)]);
    expect(fromAtOnce.map((e) => e.type)).toEqual(["excerpt.created", "evidence.created", "evidence.created"]);
    expect(fromAtOnce).toEqual(fromGeneral);
    // The recorded excerpt is the one answered.
    const recorded = await db().event.findFirstOrThrow({ where: { entityId: body.id, type: "excerpt.created" } });
    expect(recorded.after).toMatchObject({ id: body.id, start: 400, end: 460, exact: source.text.slice(400, 460), version: body.version, deletedAt: null });

    const lastId = (await db().event.findFirstOrThrow({ where: { entityId: body.evidence[1].id } })).id.toString();
    await expect.poll(() => heard.slice(before).some((n) => n.w === workspace.id && n.e === lastId)).toBe(true);
  });

  it("reuses the excerpt at the same offsets, recording only the new evidence", async () => {
    const first = await createExcerptAtOnce(context(), { sourceId: source.id, selector: passage(1000), evidence: [{ claimId: claims[0], stance: "SUPPORTS", voice: "AUTHOR" }] });
    const again = await createExcerptAtOnce(context(), { sourceId: source.id, selector: passage(1000), evidence: [{ claimId: claims[1], stance: "OPPOSES", voice: "AUTHOR" }] });
    expect(again!.body.id).toBe(first!.body.id);
    expect((await eventsOf([again!.body.evidence[0].id])).map((e) => e.type)).toEqual(["evidence.created"]);
    expect(await db().event.count({ where: { entityId: first!.body.id, type: "excerpt.created" } })).toBe(1);
  });

  it("refuses an unknown claim (404), a claim named twice (400) and a link that exists (409) with nothing written", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const cases: [unknown, string][] = [
      [[{ claimId: missing, stance: "SUPPORTS", voice: "AUTHOR" }], "NOT_FOUND"],
      [[{ claimId: claims[3], stance: "SUPPORTS", voice: "AUTHOR" }, { claimId: claims[3], stance: "OPPOSES", voice: "AUTHOR" }], "BAD_REQUEST"],
      // Linked by the warm-up write.
      [[{ claimId: claims[0], stance: "OPPOSES", voice: "AUTHOR" }], "CONFLICT"],
    ];
    for (const [evidence, code] of cases) {
      const selector = code === "CONFLICT" ? passage(100) : passage(1500);
      await expectNoWrites(() => expect(createExcerptAtOnce(context(), { sourceId: source.id, selector, evidence } as never)).rejects.toMatchObject({ code }));
      const answer = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, headers: editor.headers, body: { sourceId: source.id, selector, evidence } }));
      expect(answer.body.error.code).toBe(code);
    }
  });

  it("gives way to the general path, with nothing written, when the source changed under the text held in memory", async () => {
    await db().source.update({ where: { id: source.id }, data: { version: { increment: 1 } } });
    const counts = await countRows();
    expect(await createExcerptAtOnce(context(), { sourceId: source.id, selector: passage(2000), evidence: [{ claimId: claims[0], stance: "SUPPORTS", voice: "AUTHOR" }] })).toBeNull();
    expect(await countRows()).toEqual(counts);
    // The route then reads the source again and writes.
    const answer = await call(createExcerpt, { method: "POST", params, headers: editor.headers, body: { sourceId: source.id, selector: passage(2000), evidence: [{ claimId: claims[0], stance: "SUPPORTS", voice: "AUTHOR" }] } });
    expect(answer.status).toBe(201);
  });

  it("gives way to the general path when the quote does not resolve in the text held in memory", async () => {
    const counts = await countRows();
    const absent = await createExcerptAtOnce(context(), { sourceId: source.id, selector: { exact: "words that are in no article of the demo at all" }, evidence: [{ claimId: claims[0], stance: "SUPPORTS", voice: "AUTHOR" }] });
    expect(absent).toBeNull();
    expect(await countRows()).toEqual(counts);
  });
});
