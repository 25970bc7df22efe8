/**
 * Running a workspace for a term: members' roles and removal (with the last-owner rules), leaving,
 * handing over ownership, invite links withdrawn or limited to a domain, settings, delete and
 * restore, the history kept to owners, API tokens' scope and expiry — and a change of access
 * taking effect at once, on the next request and on an open event stream.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/auth/api-tokens";
import { findMovedWorkspace } from "@/lib/server/workspaces/find-moved-workspace";
import { createActor, createOwnerOf, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { FORMER_MEMBER } from "@/lib/server/auth/delete-account";
import { DELETE as deleteAccount } from "../account/route";
import { GET as authGet, POST as authPost } from "../auth/[...all]/route";
import { POST as createComment } from "../workspaces/[slug]/comments/route";
import { GET as getInvite } from "../invites/[token]/route";
import { POST as acceptInvite } from "../invites/[token]/accept/route";
import { POST as createToken } from "../tokens/route";
import { DELETE as revokeToken } from "../tokens/[id]/route";
import { GET as readWorkspace, PATCH as patchWorkspace, DELETE as deleteWorkspace } from "../workspaces/[slug]/route";
import { POST as restoreWorkspace } from "../workspaces/[slug]/restore/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { GET as readMatrix } from "../workspaces/[slug]/matrix/route";
import { GET as events } from "../workspaces/[slug]/events/route";
import { GET as history } from "../workspaces/[slug]/history/route";
import { GET as listInvites, POST as createInvite } from "../workspaces/[slug]/invites/route";
import { DELETE as revokeInvite } from "../workspaces/[slug]/invites/[id]/route";
import { GET as listMembers } from "../workspaces/[slug]/members/route";
import { PATCH as changeRole, DELETE as removeMember } from "../workspaces/[slug]/members/[userId]/route";
import { POST as transfer } from "../workspaces/[slug]/transfer/route";
import { POST as reportPresence } from "../workspaces/[slug]/presence/route";

const origin = "http://localhost:3000";
let slug = "";
let workspaceId = "";
let owner: TActor;
let editor: TActor;
let viewer: TActor;

beforeEach(async () => {
  slug = `term-${randomUUID().slice(0, 8)}`;
  ({ owner, workspaceId } = await createOwnerOf(slug, "Seminar for a term"));
  editor = await createActor(slug, "EDITOR", "Editor");
  viewer = await createActor(slug, "VIEWER", "Student");
});

const asOwner = (o: Partial<Parameters<typeof call>[1]> = {}) => ({ params: { slug }, headers: owner.headers, ...o });

async function role(userId: string) {
  return (await db().member.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;
}

async function signInCookie(email: string): Promise<string> {
  const password = "a long enough password";
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  const { hashPassword } = await import("better-auth/crypto");
  await db().account.create({ data: { id: randomUUID(), userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) } });
  const response = await authPost(new Request(`${origin}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ email, password }) }));
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** Opens the workspace's event stream (this test's unless `at` says which) as `headers`; reports each frame, and when the server ended it. */
async function openStream(headers: Record<string, string>, at = slug) {
  const controller = new AbortController();
  const response = await events(new Request(`http://localhost/api/workspaces/${at}/events`, { headers, signal: controller.signal }), { params: Promise.resolve({ slug: at }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const frames: { event: string; data: string }[] = [];
  let ended = false;
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
        if (fields.event) frames.push({ event: fields.event, data: fields.data });
      }
    }
    ended = true;
  })().catch(() => {});
  return {
    frames,
    get ended() {
      return ended;
    },
    /** Waits until `test` holds, at most `ms`; returns whether it did. */
    async until(test: () => boolean, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return test();
    },
    async close() {
      controller.abort();
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}

describe("members", () => {
  it("lists the members for owners only, with their roles and when they joined", async () => {
    const listed = await call(listMembers, asOwner());
    expect(listed.status).toBe(200);
    expect(listed.body.members.map((m: { user: { name: string }; role: string }) => [m.user.name, m.role])).toEqual([
      ["Owner", "OWNER"],
      ["Editor", "EDITOR"],
      ["Student", "VIEWER"],
    ]);
    expect(listed.body.members[2]).toMatchObject({ user: { id: viewer.userId, email: viewer.email }, joinedAt: expect.any(String) });
    expect((await call(listMembers, { params: { slug }, headers: editor.headers })).status).toBe(403);
  });

  it("never leaves a workspace without an owner: the last owner can neither leave nor be demoted (409, nothing written)", async () => {
    const demote = await expectNoWrites(() => call(changeRole, asOwner({ method: "PATCH", params: { slug, userId: owner.userId }, body: { role: "EDITOR" } })));
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/at least one owner/);
    const leave = await expectNoWrites(() => call(removeMember, asOwner({ method: "DELETE", params: { slug, userId: owner.userId } })));
    expect(leave.status).toBe(409);
    expect(leave.body.error.message).toMatch(/only owner and cannot leave.*at least one owner/);
    expect(await role(owner.userId)).toBe("OWNER");

    // With a second owner, either may step down.
    expect((await call(changeRole, asOwner({ method: "PATCH", params: { slug, userId: editor.userId }, body: { role: "OWNER" } }))).status).toBe(200);
    expect((await call(changeRole, asOwner({ method: "PATCH", params: { slug, userId: owner.userId }, body: { role: "EDITOR" } }))).status).toBe(200);
    expect(await role(owner.userId)).toBe("EDITOR");
    const last = await call(removeMember, { method: "DELETE", params: { slug, userId: editor.userId }, headers: editor.headers });
    expect(last.status).toBe(409);
  });

  it("lets any member leave, and refuses a member removing someone else (403)", async () => {
    const refused = await expectNoWrites(() => call(removeMember, { method: "DELETE", params: { slug, userId: viewer.userId }, headers: editor.headers }));
    expect(refused.status).toBe(403);
    const left = await call(removeMember, { method: "DELETE", params: { slug, userId: viewer.userId }, headers: viewer.headers });
    expect(left).toMatchObject({ status: 200, body: { left: true } });
    expect(await role(viewer.userId)).toBeNull();
    expect((await call(readMatrix, { params: { slug }, headers: viewer.headers })).status).toBe(404);
  });

  it("refuses a demoted editor's next write at once (403), and a removed member's token and cookie get 404", async () => {
    const write = () => call(createClaim, { method: "POST", params: { slug }, headers: editor.headers, body: { text: "A claim while allowed." } });
    expect((await write()).status).toBe(201);
    expect((await call(changeRole, asOwner({ method: "PATCH", params: { slug, userId: editor.userId }, body: { role: "VIEWER" } }))).status).toBe(200);
    const refused = await expectNoWrites(write);
    expect(refused.status).toBe(403);

    const cookie = await signInCookie(viewer.email);
    const byCookie = () => readMatrix(new Request(`${origin}/api/workspaces/${slug}/matrix`, { headers: { cookie } }), { params: Promise.resolve({ slug }) });
    expect((await byCookie()).status).toBe(200);
    expect((await call(removeMember, asOwner({ method: "DELETE", params: { slug, userId: viewer.userId } }))).status).toBe(200);
    expect((await byCookie()).status).toBe(404);
    expect((await call(readMatrix, { params: { slug }, headers: viewer.headers })).status).toBe(404);
    expect((await call(readWorkspace, { params: { slug }, headers: viewer.headers })).status).toBe(404);
  });

  it("ends a removed member's open event stream within 5 s and takes their presence away", async () => {
    const stream = await openStream(viewer.headers);
    const other = await openStream(editor.headers);
    expect((await call(reportPresence, { method: "POST", params: { slug }, headers: viewer.headers, body: { clientId: `tab-${randomUUID()}`, view: "matrix" } })).status).toBe(200);
    expect(await db().presence.count({ where: { workspaceId, userId: viewer.userId } })).toBe(1);

    const removedAt = Date.now();
    expect((await call(removeMember, asOwner({ method: "DELETE", params: { slug, userId: viewer.userId } }))).status).toBe(200);
    expect(await stream.until(() => stream.ended, 5000)).toBe(true);
    expect(Date.now() - removedAt).toBeLessThan(5000);
    expect(stream.frames.at(-1)).toEqual({ event: "access", data: JSON.stringify({ ended: true }) });
    expect(await db().presence.count({ where: { workspaceId, userId: viewer.userId } })).toBe(0);

    // Someone who still may read keeps the stream, and is not told of the membership change.
    await call(createClaim, { method: "POST", params: { slug }, headers: editor.headers, body: { text: "After the removal." } });
    expect(await other.until(() => other.frames.some((f) => f.event === "change" && f.data.includes("claim.created")))).toBe(true);
    expect(other.ended).toBe(false);
    expect(other.frames.some((f) => f.data?.includes("member."))).toBe(false);
    await stream.close();
    await other.close();
  });

  it("tells a member whose role changed, so their page re-renders for it, and sends owners the change", async () => {
    const stream = await openStream(editor.headers);
    const owners = await openStream(owner.headers);
    expect((await call(changeRole, asOwner({ method: "PATCH", params: { slug, userId: editor.userId }, body: { role: "COMMENTER" } }))).status).toBe(200);
    expect(await stream.until(() => stream.frames.some((f) => f.event === "access"))).toBe(true);
    expect(stream.frames.find((f) => f.event === "access")!.data).toBe(JSON.stringify({ ended: false }));
    expect(stream.ended).toBe(false);
    expect(await owners.until(() => owners.frames.some((f) => f.data?.includes('"member.updated"')))).toBe(true);
    await stream.close();
    await owners.close();
  });

  it("hands over ownership: the member becomes owner, the caller an editor", async () => {
    const outsider = await createActor(null, null, "Outsider");
    expect((await expectNoWrites(() => call(transfer, asOwner({ method: "POST", body: { userId: outsider.userId } })))).status).toBe(404);
    const handed = await call(transfer, asOwner({ method: "POST", body: { userId: viewer.userId } }));
    expect(handed).toMatchObject({ status: 200, body: { owner: viewer.userId, you: "EDITOR" } });
    expect([await role(viewer.userId), await role(owner.userId)]).toEqual(["OWNER", "EDITOR"]);
    expect((await call(listMembers, asOwner())).status).toBe(403);
  });
});

describe("invite links", () => {
  it("lists open links with their maker, and a withdrawn link answers 410 and admits nobody", async () => {
    const made = await call(createInvite, asOwner({ method: "POST", body: { role: "EDITOR", maxUses: 30 } }));
    expect(made.status).toBe(201);
    const listed = await call(listInvites, asOwner());
    expect(listed.body.invites).toEqual([expect.objectContaining({ id: made.body.id, role: "EDITOR", uses: 0, maxUses: 30, createdBy: { id: owner.userId, name: "Owner" } })]);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);

    expect((await call(revokeInvite, asOwner({ method: "DELETE", params: { slug, id: made.body.id } }))).status).toBe(200);
    const gone = await call(getInvite, { params: { token: made.body.token } });
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toMatch(/^This invite link was withdrawn/);
    const student = await createActor(null, null, "Late student");
    const refused = await expectNoWrites(() => call(acceptInvite, { method: "POST", params: { token: made.body.token }, headers: student.headers }));
    expect(refused.status).toBe(410);
    expect((await call(listInvites, asOwner())).body.invites).toEqual([]);
  });

  it("admits only accounts at the link's email domain when it has one, counting no use for a refusal", async () => {
    const made = await call(createInvite, asOwner({ method: "POST", body: { role: "COMMENTER", emailDomain: "@University.edu" } }));
    expect(made.body.emailDomain).toBe("university.edu");
    const stranger = await createActor(null, null, "Stranger");
    const refused = await expectNoWrites(() => call(acceptInvite, { method: "POST", params: { token: made.body.token }, headers: stranger.headers }));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/university\.edu/);
    const student = await createActor(null, null, "Student");
    await db().user.update({ where: { id: student.userId }, data: { email: `s-${randomUUID().slice(0, 6)}@university.edu` } });
    expect((await call(acceptInvite, { method: "POST", params: { token: made.body.token }, headers: student.headers })).status).toBe(200);
    expect(await role(student.userId)).toBe("COMMENTER");
    expect((await db().invite.findUniqueOrThrow({ where: { id: made.body.id } })).uses).toBe(1);
    const bad = await call(createInvite, asOwner({ method: "POST", body: { role: "VIEWER", emailDomain: "not a domain" } }));
    expect(bad.status).toBe(400);
  });
});

describe("workspace settings", () => {
  it("reads and changes the settings with the version they were based on (409 when stale)", async () => {
    const read = await call(readWorkspace, asOwner());
    expect(read.body).toEqual({ slug, title: "Seminar for a term", description: "", visibility: "PRIVATE", version: 1, role: "OWNER" });
    const changed = await call(patchWorkspace, asOwner({ method: "PATCH", body: { version: 1, title: "Spring term", description: "Readings on the SCO." } }));
    expect(changed).toMatchObject({ status: 200, body: { title: "Spring term", description: "Readings on the SCO.", version: 2 } });
    const stale = await expectNoWrites(() => call(patchWorkspace, asOwner({ method: "PATCH", body: { version: 1, title: "Lost update" } })));
    expect(stale.status).toBe(409);
    expect((await call(patchWorkspace, { method: "PATCH", params: { slug }, headers: editor.headers, body: { version: 2, title: "Editor's" } })).status).toBe(403);
    expect((await call(patchWorkspace, asOwner({ method: "PATCH", body: { version: 2 } }))).status).toBe(400);
  });

  it("moves to a new address and keeps the old one as a redirect", async () => {
    const moved = await call(patchWorkspace, asOwner({ method: "PATCH", body: { version: 1, slug: `${slug}-spring` } }));
    expect(moved.body.slug).toBe(`${slug}-spring`);
    expect(await findMovedWorkspace(slug)).toBe(`${slug}-spring`);
    expect((await call(readWorkspace, asOwner())).status).toBe(404);
    expect((await call(readWorkspace, asOwner({ params: { slug: `${slug}-spring` } }))).status).toBe(200);
  });

  it("opens a public workspace to anonymous readers, and gives a LINK workspace an address nobody can guess", async () => {
    expect((await call(readMatrix, { params: { slug } })).status).toBe(404);
    expect((await call(patchWorkspace, asOwner({ method: "PATCH", body: { version: 1, visibility: "PUBLIC" } }))).status).toBe(200);
    expect((await call(readMatrix, { params: { slug } })).status).toBe(200);
    const link = await call(patchWorkspace, asOwner({ method: "PATCH", body: { version: 2, visibility: "LINK" } }));
    expect(link.body.slug).toMatch(new RegExp(`^${slug}-[0-9a-z]{14}$`));
    expect(await findMovedWorkspace(slug)).toBeNull();
  });

  it("deletes only with the title typed out, hides the workspace, and lets its owner restore it", async () => {
    const wrong = await expectNoWrites(() => call(deleteWorkspace, asOwner({ method: "DELETE", body: { confirm: "seminar" } })));
    expect(wrong.status).toBe(422);
    expect((await call(deleteWorkspace, { method: "DELETE", params: { slug }, headers: editor.headers, body: { confirm: "Seminar for a term" } })).status).toBe(403);
    const stream = await openStream(editor.headers);
    const deleted = await call(deleteWorkspace, asOwner({ method: "DELETE", body: { confirm: "Seminar for a term" } }));
    expect(deleted.status).toBe(200);
    expect(new Date(deleted.body.purgeAfter).getTime() - new Date(deleted.body.deletedAt).getTime()).toBe(30 * 86_400_000);
    expect(await stream.until(() => stream.ended)).toBe(true);
    await stream.close();
    expect((await call(readWorkspace, asOwner())).status).toBe(404);
    expect((await call(readMatrix, { params: { slug }, headers: editor.headers })).status).toBe(404);

    expect((await expectNoWrites(() => call(restoreWorkspace, { method: "POST", params: { slug }, headers: editor.headers }))).status).toBe(404);
    expect((await call(restoreWorkspace, asOwner({ method: "POST" }))).status).toBe(200);
    expect((await call(readWorkspace, asOwner())).status).toBe(200);
    expect((await call(restoreWorkspace, asOwner({ method: "POST" }))).status).toBe(409);
  });
});

describe("history of membership", () => {
  it("records who changed whose role, for owners only", async () => {
    await call(changeRole, asOwner({ method: "PATCH", params: { slug, userId: viewer.userId }, body: { role: "COMMENTER" } }));
    await call(createInvite, asOwner({ method: "POST", body: { role: "VIEWER" } }));
    const owners = await call(history, asOwner());
    const change = owners.body.events.find((e: { type: string }) => e.type === "member.updated");
    expect(change).toMatchObject({ actor: { id: owner.userId, name: "Owner" }, before: { name: "Student", role: "VIEWER" }, after: { name: "Student", role: "COMMENTER" } });
    expect(owners.body.events.some((e: { type: string }) => e.type === "invite.created")).toBe(true);
    const members = await call(history, { params: { slug }, headers: editor.headers });
    expect(members.status).toBe(200);
    expect(members.body.events.filter((e: { type: string }) => e.type.startsWith("member.") || e.type.startsWith("invite."))).toEqual([]);
    expect(members.body.events.some((e: { type: string }) => e.type === "workspace.created")).toBe(true);
  });
});

describe("API tokens", () => {
  it("a read token reads but may not write; an expired one is refused; a token cannot make tokens", async () => {
    const read = await createApiToken(db(), editor.userId, "reader", { scope: "read" });
    const headers = { authorization: `Bearer ${read.token}`, "content-type": "application/json" };
    expect((await call(readMatrix, { params: { slug }, headers })).status).toBe(200);
    const refused = await expectNoWrites(() => call(createClaim, { method: "POST", params: { slug }, headers, body: { text: "By a read token." } }));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/may only read/);

    const old = await createApiToken(db(), editor.userId, "old");
    await db().apiToken.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(readMatrix, { params: { slug }, headers: { authorization: `Bearer ${old.token}` } })).status).toBe(401);

    const minted = await expectNoWrites(() => call(createToken, { method: "POST", headers: editor.headers, body: { name: "successor" } }));
    expect(minted.status).toBe(403);
    const cookie = await signInCookie(editor.email);
    const made = await createToken(new Request(`${origin}/api/tokens`, { method: "POST", headers: { cookie, origin, host: "localhost:3000", "content-type": "application/json" }, body: JSON.stringify({ name: "nightly", scope: "read" }) }), { params: Promise.resolve({}) });
    expect(made.status).toBe(201);
    const body = await made.json();
    expect(body.scope).toBe("read");
    expect(Math.round((new Date(body.expiresAt).getTime() - Date.now()) / 86_400_000)).toBe(90);
  });
});

describe("an event stream outlives no token or session", () => {
  it("ends a stream opened with a token when the token is revoked, and leaves the user's other streams open", async () => {
    const script = await createApiToken(db(), editor.userId, "live script");
    const stream = await openStream({ authorization: `Bearer ${script.token}` });
    const other = await openStream(editor.headers);
    const revokedAt = Date.now();
    expect((await call(revokeToken, { method: "DELETE", params: { id: script.id }, headers: editor.headers })).status).toBe(200);
    expect(await stream.until(() => stream.ended, 5000)).toBe(true);
    expect(Date.now() - revokedAt).toBeLessThan(5000);
    expect(stream.frames.at(-1)).toEqual({ event: "access", data: JSON.stringify({ ended: true }) });
    // The token the other stream was opened with is still live.
    await call(createClaim, { method: "POST", params: { slug }, headers: editor.headers, body: { text: "After the revocation." } });
    expect(await other.until(() => other.frames.some((f) => f.event === "change"))).toBe(true);
    expect(other.ended).toBe(false);
    await stream.close();
    await other.close();
  });

  it("ends a stream when the token it was opened with expires", async () => {
    const brief = await createApiToken(db(), viewer.userId, "brief");
    await db().apiToken.update({ where: { id: brief.id }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const stream = await openStream({ authorization: `Bearer ${brief.token}` });
    expect(stream.ended).toBe(false);
    expect(await stream.until(() => stream.ended, 6000)).toBe(true);
    expect(stream.frames.at(-1)).toEqual({ event: "access", data: JSON.stringify({ ended: true }) });
    await stream.close();
  });

  it("ends a stream opened with a session when that session signs out", async () => {
    const cookie = await signInCookie(viewer.email);
    const headers = { cookie, origin, host: "localhost:3000" };
    const stream = await openStream(headers);
    const kept = await openStream(viewer.headers);
    const signOut = await authPost(new Request(`${origin}/api/auth/sign-out`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: "{}" }));
    expect(signOut.status).toBe(200);
    expect(await stream.until(() => stream.ended, 5000)).toBe(true);
    expect(stream.frames.at(-1)).toEqual({ event: "access", data: JSON.stringify({ ended: true }) });
    // Signing out in the browser does not end what a script opened with a token.
    expect(kept.ended).toBe(false);
    await stream.close();
    await kept.close();
  });
});

describe("deleting an account", () => {
  const browser = (cookie: string) => ({ cookie, origin, host: "localhost:3000", "content-type": "application/json" });
  const remove = (cookie: string, confirm: string) =>
    deleteAccount(new Request(`${origin}/api/account`, { method: "DELETE", headers: browser(cookie), body: JSON.stringify({ confirm }) }), { params: Promise.resolve({}) });

  it("is refused while you are a workspace's only owner, and with the wrong email; a token may not do it", async () => {
    const cookie = await signInCookie(owner.email);
    const sole = await expectNoWrites(() => remove(cookie, owner.email));
    expect(sole.status).toBe(409);
    expect((await sole.json()).error.message).toMatch(/only owner of “Seminar for a term”/);
    expect((await expectNoWrites(() => remove(cookie, "someone@else.test"))).status).toBe(422);
    expect((await call(deleteAccount, { method: "DELETE", headers: owner.headers, body: { confirm: owner.email } })).status).toBe(403);
  });

  it("keeps the contributions: claims stay, comments pass to “Former member”, the history names no one; the account cannot sign in", async () => {
    const claim = await call(createClaim, { method: "POST", params: { slug }, headers: editor.headers, body: { text: "A claim that outlives its author." } });
    const comment = await call(createComment, { method: "POST", params: { slug }, headers: editor.headers, body: { target: { type: "claim", id: claim.body.id }, body: "My remark." } });
    expect(comment.status).toBe(201);
    const cookie = await signInCookie(editor.email);
    const stream = await openStream(editor.headers);
    // A public workspace they are not a member of: no membership event reaches its stream.
    const publicStream = await openStream(editor.headers, "sco-debate");

    const deleted = await remove(cookie, editor.email.toUpperCase());
    expect(deleted.status).toBe(200);
    expect(await db().user.findUnique({ where: { id: editor.userId } })).toBeNull();
    expect(await db().claim.findUnique({ where: { id: claim.body.id } })).not.toBeNull();
    const kept = await db().comment.findUniqueOrThrow({ where: { id: comment.body.id }, select: { body: true, author: { select: { id: true, name: true } } } });
    expect(kept).toEqual({ body: "My remark.", author: { id: FORMER_MEMBER.id, name: "Former member" } });
    const events = await db().event.findMany({ where: { workspaceId, OR: [{ entityId: claim.body.id }, { type: "member.left" }] }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["claim.created", null],
      ["member.left", null],
    ]);
    expect(events[1].before).toMatchObject({ name: "Former member", role: "EDITOR" });
    expect(await stream.until(() => stream.ended)).toBe(true);
    await stream.close();
    expect(await publicStream.until(() => publicStream.ended)).toBe(true);
    expect(publicStream.frames.at(-1)).toEqual({ event: "access", data: JSON.stringify({ ended: true }) });
    await publicStream.close();
    const session = await authGet(new Request(`${origin}/api/auth/get-session`, { headers: { cookie } }));
    expect(await session.json()).toBeNull();
    expect((await call(readMatrix, { params: { slug }, headers: editor.headers })).status).toBe(401);
  });
});
