/** Personal API tokens: created once, stored hashed, revoked at once. */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/server/auth/api-tokens";
import { createActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { GET as list, POST as create } from "../tokens/route";
import { GET as matrix } from "../workspaces/[slug]/matrix/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { DELETE as revoke } from "../tokens/[id]/route";
import { POST as authPost } from "../auth/[...all]/route";

const origin = "http://localhost:3000";

/** Signs the actor in with a password, as a browser does; tokens are made from the session only. */
async function browserHeaders(userId: string, email: string): Promise<Record<string, string>> {
  const password = "a long enough password";
  await db().account.create({ data: { id: randomUUID(), userId, accountId: userId, providerId: "credential", password: await hashPassword(password) } });
  const response = await authPost(new Request(`${origin}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ email, password }) }));
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { cookie, origin, host: "localhost:3000", "content-type": "application/json" };
}

describe("API tokens", () => {
  it("creates a token shown once and stored only as a hash, lists it, and revokes it", async () => {
    const actor = await createActor(null, null, "Scripter");
    const created = await call(create, { method: "POST", body: { name: "import script" }, headers: await browserHeaders(actor.userId, actor.email) });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^smk_[A-Za-z0-9_-]{43}$/);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.tokenHash).toBe(hashToken(created.body.token));
    expect(JSON.stringify(stored)).not.toContain(created.body.token);

    const auth = { authorization: `Bearer ${created.body.token}` };
    const listed = await call(list, { headers: auth });
    expect(listed.status).toBe(200);
    expect(listed.body.map((t: { name: string }) => t.name)).toEqual(["import script", "tests"]);
    expect(JSON.stringify(listed.body)).not.toContain("smk_");

    expect((await call(revoke, { method: "DELETE", params: { id: created.body.id }, headers: actor.headers })).status).toBe(200);
    const afterRevoke = await call(list, { headers: auth });
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body.error.message).toMatch(/revoked/);
  });

  it("records a token's use at most once a minute, and never for a revoked token", async () => {
    const actor = await createActor(null, null, "Poller");
    const token = await db().apiToken.findFirstOrThrow({ where: { userId: actor.userId } });
    expect(token.lastUsedAt).toBeNull();
    const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;

    expect((await call(list, { headers: actor.headers })).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await call(list, { headers: actor.headers })).status).toBe(200);
    expect(await lastUsed()).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: twoMinutesAgo } });
    expect((await call(list, { headers: actor.headers })).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 60_000);

    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: twoMinutesAgo, revokedAt: new Date() } });
    expect((await call(list, { headers: actor.headers })).status).toBe(401);
    expect(await lastUsed()).toEqual(twoMinutesAgo);
  });

  it("on a workspace's routes (the token and the access looked up in one statement): records the use, answers by role, refuses an expired token", async () => {
    const editor = await createActor("sco-debate", "EDITOR", "Workspace script");
    const outsider = await createActor(null, null, "Outside script");
    const token = await db().apiToken.findFirstOrThrow({ where: { userId: editor.userId } });
    const params = { slug: "sco-debate" };
    expect((await call(matrix, { params, headers: editor.headers })).status).toBe(200);
    const used = (await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(Math.abs(used!.getTime() - Date.now())).toBeLessThan(60_000);

    const claim = await call(createClaim, { method: "POST", params, body: { text: "Written with a token." }, headers: editor.headers });
    expect(claim.status).toBe(201);
    const byOutsider = await call(createClaim, { method: "POST", params, body: { text: "Not a member." }, headers: outsider.headers });
    expect(byOutsider.status).toBe(403);
    expect(byOutsider.body.error.message).toMatch(/not a member/);
    expect((await call(matrix, { params: { slug: "no-such-workspace" }, headers: editor.headers })).status).toBe(404);

    await db().apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const answer of [await call(matrix, { params, headers: editor.headers }), await call(createClaim, { method: "POST", params, body: { text: "Expired." }, headers: editor.headers })]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error.message).toMatch(/expired/);
    }
  });

  it("does not let anyone revoke another person's token", async () => {
    const [a, b] = [await createActor(null, null, "A"), await createActor(null, null, "B")];
    const token = await db().apiToken.findFirstOrThrow({ where: { userId: a.userId } });
    expect((await call(revoke, { method: "DELETE", params: { id: token.id }, headers: b.headers })).status).toBe(404);
    expect((await call(list, { headers: a.headers })).status).toBe(200);
  });
});
