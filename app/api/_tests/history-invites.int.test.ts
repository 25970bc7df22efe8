/** History with undo, and invite links, against a real PostgreSQL. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countRows, createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { PATCH as patchClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { DELETE as deleteExcerpt } from "../workspaces/[slug]/excerpts/[id]/route";
import { GET as history } from "../workspaces/[slug]/history/route";
import { POST as undo } from "../workspaces/[slug]/history/[eventId]/undo/route";
import { POST as createInvite } from "../workspaces/[slug]/invites/route";
import { GET as getInvite } from "../invites/[token]/route";
import { POST as acceptInvite } from "../invites/[token]/accept/route";
import { POST as createWorkspace } from "../workspaces/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";

const SLUG = "sco-debate";
let owner: TActor;
let editorA: TActor;
let editorB: TActor;

beforeAll(async () => {
  owner = await createActor(SLUG, "OWNER", "Owner");
  editorA = await createActor(SLUG, "EDITOR", "Ada");
  editorB = await createActor(SLUG, "EDITOR", "Bo");
});

const eventsOf = async (entityId: string, headers: Record<string, string>) =>
  (await call(history, { path: `/api/workspaces/${SLUG}/history?entityId=${entityId}`, params: { slug: SLUG }, headers })).body.events as {
    id: string;
    type: string;
    actor: { name: string };
    before: { text?: string } | null;
    after: { text?: string };
    undoable: boolean;
    undoneBy: string | null;
  }[];

describe("history and undo", () => {
  it("keeps both texts of a contested edit, who made each, and lets each undo only their own", async () => {
    const claim = (await call(createClaim, { method: "POST", params: { slug: SLUG }, body: { text: "Draft." }, headers: editorA.headers })).body;
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 1, text: "Ada's text." }, headers: editorA.headers });
    const stale = await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 1, text: "Bo's text." }, headers: editorB.headers });
    expect(stale.status).toBe(409);
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: stale.body.error.current.version, text: "Bo's text." }, headers: editorB.headers });

    const events = await eventsOf(claim.id, editorA.headers);
    expect(events.map((e) => [e.type, e.actor.name, e.after.text])).toEqual([
      ["claim.updated", "Bo", "Bo's text."],
      ["claim.updated", "Ada", "Ada's text."],
      ["claim.created", "Ada", "Draft."],
    ]);
    expect(events[0].before?.text).toBe("Ada's text.");
    expect(events.map((e) => e.undoable)).toEqual([false, true, true]);

    // Ada cannot undo Bo's change; undoing her own older one would revert Bo's work: 409.
    const notHers = await call(undo, { method: "POST", params: { slug: SLUG, eventId: events[0].id }, body: {}, headers: editorA.headers });
    expect(notHers.status).toBe(403);
    const before = await countRows();
    const stale2 = await call(undo, { method: "POST", params: { slug: SLUG, eventId: events[1].id }, body: {}, headers: editorA.headers });
    expect(stale2.status).toBe(409);
    expect(await countRows()).toEqual(before);

    // Bo undoes his own edit: Ada's text is back, and the undo is itself in the log.
    const undone = await call(undo, { method: "POST", params: { slug: SLUG, eventId: events[0].id }, body: {}, headers: editorB.headers });
    expect(undone.status).toBe(200);
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).text).toBe("Ada's text.");
    const after = await eventsOf(claim.id, editorB.headers);
    expect(after[0]).toMatchObject({ type: "claim.updated", after: { text: "Ada's text.", undoOf: events[0].id } });
    expect(after.find((e) => e.id === events[0].id)?.undoneBy).toBe(after[0].id);
    expect((await call(undo, { method: "POST", params: { slug: SLUG, eventId: events[0].id }, body: {}, headers: editorB.headers })).status).toBe(409);
  });

  it("lets an owner undo anyone's change, and restores a deleted excerpt with its evidence", async () => {
    const source = await db().source.findFirstOrThrow({ where: { title: { startsWith: "How Kazakhstan" } } });
    const claim = await db().claim.findFirstOrThrow({ where: { workspace: { slug: SLUG }, deletedAt: null }, orderBy: { rank: "asc" } });
    const start = source.text.indexOf("Kazakhstan");
    const excerpt = (await call(createExcerpt, {
      method: "POST",
      params: { slug: SLUG },
      body: { sourceId: source.id, selector: { start, end: start + 10, exact: "Kazakhstan" }, evidence: [{ claimId: claim.id, stance: "QUALIFIES" }] },
      headers: editorA.headers,
    })).body;
    await call(deleteExcerpt, { method: "DELETE", params: { slug: SLUG, id: excerpt.id }, body: { version: excerpt.version }, headers: { authorization: editorA.headers.authorization } });
    expect(await db().evidence.count({ where: { excerptId: excerpt.id, deletedAt: null } })).toBe(0);

    const deletion = (await eventsOf(excerpt.id, owner.headers)).find((e) => e.type === "excerpt.deleted")!;
    expect(deletion.undoable).toBe(true);
    const result = await call(undo, { method: "POST", params: { slug: SLUG, eventId: deletion.id }, body: {}, headers: owner.headers });
    expect(result.status).toBe(200);
    expect((await db().excerpt.findUniqueOrThrow({ where: { id: excerpt.id } })).deletedAt).toBeNull();
    expect(await db().evidence.count({ where: { excerptId: excerpt.id, deletedAt: null } })).toBe(1);
  });
});

describe("invite links", () => {
  it("lets a participant join with the link's role, up to its use limit", async () => {
    const facilitator = await createActor(null, null, "Facilitator");
    const { slug } = (await call(createWorkspace, { method: "POST", body: { title: "Seminar on invites", visibility: "PRIVATE" }, headers: facilitator.headers })).body;
    const invite = await call(createInvite, { method: "POST", params: { slug }, body: { role: "COMMENTER", maxUses: 2 }, headers: facilitator.headers });
    expect(invite.status).toBe(201);
    expect(invite.body.path).toBe(`/join/${invite.body.token}`);
    const stored = await db().invite.findUniqueOrThrow({ where: { id: invite.body.id } });
    expect(stored.tokenHash).not.toContain(invite.body.token);

    const token = invite.body.token;
    expect((await call(getInvite, { params: { token } })).body).toMatchObject({ role: "COMMENTER", workspace: { slug, title: "Seminar on invites" }, problem: null });

    const student = await createActor(null, null, "Student");
    expect((await call(getMatrix, { params: { slug }, headers: student.headers })).status).toBe(404);
    const joined = await call(acceptInvite, { method: "POST", params: { token }, headers: student.headers });
    expect(joined).toEqual({ status: 200, body: { slug, role: "COMMENTER", joined: true } });
    expect((await call(getMatrix, { params: { slug }, headers: student.headers })).status).toBe(200);

    await call(acceptInvite, { method: "POST", params: { token }, headers: (await createActor(null, null, "Second")).headers });
    const third = await createActor(null, null, "Third");
    const refused = await call(acceptInvite, { method: "POST", params: { token }, headers: third.headers });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/used up/);
    expect((await call(getMatrix, { params: { slug }, headers: third.headers })).status).toBe(404);
  });

  it("lets only owners make invites, and refuses unknown tokens", async () => {
    expect((await call(createInvite, { method: "POST", params: { slug: SLUG }, body: { role: "EDITOR" }, headers: editorA.headers })).status).toBe(403);
    expect((await call(createInvite, { method: "POST", params: { slug: SLUG }, body: { role: "OWNER" }, headers: owner.headers })).status).toBe(400);
    expect((await call(getInvite, { params: { token: "a".repeat(32) } })).status).toBe(404);
    expect((await call(acceptInvite, { method: "POST", params: { token: "a".repeat(32) }, headers: editorA.headers })).status).toBe(404);
  });
});
