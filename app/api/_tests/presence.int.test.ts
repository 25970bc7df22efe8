/** Presence against a real PostgreSQL: where each signed-in reader is, and whose row is whose. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { POST as report } from "../workspaces/[slug]/presence/route";

const SLUG = "sco-debate";
let ada: TActor;
let bo: TActor;

beforeAll(async () => {
  ada = await createActor(SLUG, "COMMENTER", "Ada");
  bo = await createActor(SLUG, "COMMENTER", "Bo");
});

const say = (actor: TActor, body: Record<string, unknown>) => call(report, { method: "POST", params: { slug: SLUG }, body, headers: actor.headers });

describe("presence", () => {
  it("keeps a page's row its reader's: another who knows the client id can neither move nor end it", async () => {
    const clientId = `page-${Date.now()}`;
    expect((await say(ada, { clientId, view: "matrix" })).status).toBe(200);
    const taken = await say(bo, { clientId, view: "history" });
    expect(taken.status).toBe(409);
    expect(await say(bo, { clientId, view: "home", leaving: true })).toMatchObject({ status: 200 });
    const row = await db().presence.findFirstOrThrow({ where: { clientId } });
    expect(row).toMatchObject({ userId: ada.userId, view: "matrix" });

    expect((await say(ada, { clientId, view: "graph" })).status).toBe(200);
    expect((await db().presence.findFirstOrThrow({ where: { clientId } })).view).toBe("graph");
    expect((await say(ada, { clientId, view: "graph", leaving: true })).status).toBe(200);
    expect(await db().presence.count({ where: { clientId } })).toBe(0);
  });
});
