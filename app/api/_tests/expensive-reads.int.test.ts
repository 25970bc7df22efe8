/**
 * Reads that could cost without bound, against a real PostgreSQL: the event stream's catch-up, the
 * history's page size, and list windows far past the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MAX_REPLAY } from "@/lib/realtime/event-stream";
import { createOwnerOf, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { GET as events } from "../workspaces/[slug]/events/route";
import { GET as history } from "../workspaces/[slug]/history/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";
import { GET as getTimeline } from "../workspaces/[slug]/timeline/route";

const SLUG = "expensive-reads-lab";
let owner: TActor;
let workspaceId: string;

beforeAll(async () => {
  ({ owner, workspaceId } = await createOwnerOf(SLUG, "Expensive reads", "Reader"));
  // A long log: more small changes than a reconnect is sent, then a few edits of long texts and
  // reorders of a thousand claims (about 3 MB in all, newest last).
  const longText = "x".repeat(100_000);
  const order = Array.from({ length: 1000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  await db().$executeRaw`
    insert into "Event" ("workspaceId", "actorId", type, "entityType", "entityId", before, after, "createdAt")
    select ${workspaceId}::uuid, ${owner.userId}::uuid, 'claim.updated', 'claim', ${workspaceId}::uuid,
           jsonb_build_object('text', 'before'), jsonb_build_object('text', 'after'), now()
    from generate_series(1, ${MAX_REPLAY + 100}) as n`;
  await db().$executeRaw`
    insert into "Event" ("workspaceId", "actorId", type, "entityType", "entityId", before, after, "createdAt")
    select ${workspaceId}::uuid, ${owner.userId}::uuid,
           case when n % 2 = 0 then 'claim.updated' else 'claims.reordered' end,
           case when n % 2 = 0 then 'claim' else 'workspace' end,
           ${workspaceId}::uuid,
           case when n % 2 = 0 then jsonb_build_object('text', ${longText}::text) else jsonb_build_object('order', ${order}::text[]) end,
           case when n % 2 = 0 then jsonb_build_object('text', ${longText}::text) else jsonb_build_object('order', ${order}::text[]) end,
           now()
    from generate_series(1, 30) as n`;
});

// The log made here is large; later test files (a backup of the whole database) need not carry it.
afterAll(async () => {
  await db().event.deleteMany({ where: { workspaceId } });
});

/** Reads the stream's first frames (until `until`), then closes it. */
async function firstFrames(url: string, headers: Record<string, string>, until: (text: string) => boolean): Promise<string> {
  const controller = new AbortController();
  const response = await events(new Request(url, { headers, signal: controller.signal }), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 5000;
  while (!until(text) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  await reader.cancel().catch(() => {});
  return text;
}

describe("expensive reads are bounded", () => {
  it("tells a stream that asks for the whole log to reload, instead of replaying it", async () => {
    const newest = await db().event.findFirstOrThrow({ where: { workspaceId }, orderBy: { id: "desc" } });
    const text = await firstFrames(`http://localhost/api/workspaces/${SLUG}/events?after=0`, owner.headers, (t) => t.includes("event: reset"));
    expect(text).toContain(`id: ${newest.id}\nevent: reset`);
    expect(text).not.toContain("event: change");
    // Just behind is caught up as before.
    const recent = await db().event.findMany({ where: { workspaceId }, orderBy: { id: "desc" }, take: 3 });
    const caughtUp = await firstFrames(`http://localhost/api/workspaces/${SLUG}/events`, { ...owner.headers, "last-event-id": recent[2].id.toString() }, (t) => t.split("event: change").length > 2);
    expect(caughtUp).not.toContain("event: reset");
    expect(caughtUp).toContain(`id: ${recent[0].id}`);
  });

  it("keeps a history page to about a megabyte however many events are asked for, and shows a reorder as its size", async () => {
    const page = await call(history, { path: `/api/workspaces/${SLUG}/history?limit=500`, params: { slug: SLUG }, headers: owner.headers });
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body).length).toBeLessThan(1_500_000);
    expect(page.body.events.length).toBeLessThan(500);
    expect(page.body.next).toBe(page.body.events.at(-1).id);
    const reorder = page.body.events.find((e: { type: string }) => e.type === "claims.reordered");
    expect(reorder.after).toEqual({ claims: 1000 });
    const older = await call(history, { path: `/api/workspaces/${SLUG}/history?limit=500&before=${page.body.next}`, params: { slug: SLUG }, headers: owner.headers });
    expect(older.body.events[0].id).not.toBe(page.body.events[0].id);
  });

  it("answers a window far past the end with 400, not 500", async () => {
    for (const route of [getMatrix, getTimeline]) {
      const far = await call(route, { path: `/api/workspaces/${SLUG}/x?offset=99999999999999999999&limit=10`, params: { slug: SLUG }, headers: owner.headers });
      expect(far.status).toBe(400);
      expect(JSON.stringify(far.body)).toMatch(/offset/);
    }
  });
});
