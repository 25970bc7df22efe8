/** Browser sessions: sign-up and sign-in through Better Auth, httpOnly cookies, the Origin check. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { POST as authPost, GET as authGet } from "../auth/[...all]/route";
import { POST as createWorkspace } from "../workspaces/route";
import { GET as listWorkspaces } from "../workspaces/route";

const origin = "http://localhost:3000";

async function auth(path: string, body: unknown, headers: Record<string, string> = {}) {
  return authPost(new Request(`${origin}/api/auth/${path}`, { method: "POST", headers: { "content-type": "application/json", origin, ...headers }, body: JSON.stringify(body) }));
}

function cookieOf(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

describe("sessions", () => {
  const email = `reader-${Date.now()}@example.test`;

  it("signs up with a hashed password and an httpOnly, SameSite cookie", async () => {
    const response = await auth("sign-up/email", { name: "Reader", email, password: "correct horse battery" });
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token"))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const account = await db().account.findFirstOrThrow({ where: { user: { email } } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain("correct horse");
  });

  it("rejects a wrong password and accepts the right one", async () => {
    expect((await auth("sign-in/email", { email, password: "wrong password!" })).status).toBe(401);
    const ok = await auth("sign-in/email", { email, password: "correct horse battery" });
    expect(ok.status).toBe(200);
    const session = await authGet(new Request(`${origin}/api/auth/get-session`, { headers: { cookie: cookieOf(ok) } }));
    expect((await session.json()).user.email).toBe(email);
  });

  it("signs the demo owner in with the documented password", async () => {
    expect((await auth("sign-in/email", { email: "demo@stancemap.test", password: "stancemap-demo" })).status).toBe(200);
  });

  it("accepts a cookie-authenticated write only from this site (Origin check)", async () => {
    const signedIn = await auth("sign-in/email", { email, password: "correct horse battery" });
    const cookie = cookieOf(signedIn);
    const body = JSON.stringify({ title: "From a browser", visibility: "PRIVATE" });
    const foreign = await createWorkspace(new Request(`${origin}/api/workspaces`, { method: "POST", headers: { cookie, "content-type": "application/json", host: "localhost:3000", origin: "https://evil.example" }, body }));
    expect(foreign.status).toBe(403);
    const none = await createWorkspace(new Request(`${origin}/api/workspaces`, { method: "POST", headers: { cookie, "content-type": "application/json", host: "localhost:3000" }, body }));
    expect(none.status).toBe(403);
    const same = await createWorkspace(new Request(`${origin}/api/workspaces`, { method: "POST", headers: { cookie, "content-type": "application/json", host: "localhost:3000", origin }, body }));
    expect(same.status).toBe(201);
    const mine = await (await listWorkspaces(new Request(`${origin}/api/workspaces`, { headers: { cookie } }))).json();
    expect(mine).toContainEqual({ slug: "from-a-browser", title: "From a browser", visibility: "PRIVATE", role: "OWNER" });
  });
});

describe("sign-in rate limit", () => {
  it("answers 429 after 20 attempts from one address within a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await auth("sign-in/email", { email: "nobody@example.test", password: "guess number " + i }, { "x-forwarded-for": "203.0.113.7" });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await auth("sign-in/email", { email: "nobody@example.test", password: "x".repeat(10) }, { "x-forwarded-for": "203.0.113.8" })).status).toBe(401);
  });
});
