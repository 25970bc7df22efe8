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
  // The custom server stamps each request with the address it came from (x-stancemap-client-ip);
  // these calls reach the handler directly, so they carry that header as the server would set it.
  const from = (address: string, extra: Record<string, string> = {}) => ({ "x-stancemap-client-ip": address, ...extra });

  it("answers 429 after 20 attempts from one address within a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await auth("sign-in/email", { email: `nobody-${i}@example.test`, password: "guess number " + i }, from("203.0.113.7"));
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await auth("sign-in/email", { email: "nobody@example.test", password: "x".repeat(10) }, from("203.0.113.8"))).status).toBe(401);
  });

  it("ignores X-Forwarded-For sent by the client: a new one per guess does not reset the count", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await auth("sign-in/email", { email: `forger-${i}@example.test`, password: "guess number " + i }, from("203.0.113.20", { "x-forwarded-for": `198.51.100.${i}` }));
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it("stops guessing one account's password from many addresses after 10 failures, until a wait", async () => {
    const victim = `victim-${Date.now()}@example.test`;
    expect((await auth("sign-up/email", { name: "Victim", email: victim, password: "the right password" }, from("203.0.113.30"))).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await auth("sign-in/email", { email: victim, password: `wrong guess ${i}` }, from(`203.0.113.${40 + i}`))).status).toBe(401);
    }
    const blocked = await auth("sign-in/email", { email: victim.toUpperCase(), password: "the right password" }, from("203.0.113.60"));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await blocked.json()).message).toMatch(/Too many failed sign-ins to this account/);
    // Another account is not affected, and a success clears its own count.
    const other = `other-${Date.now()}@example.test`;
    await auth("sign-up/email", { name: "Other", email: other, password: "the right password" }, from("203.0.113.31"));
    expect((await auth("sign-in/email", { email: other, password: "a wrong one" }, from("203.0.113.61"))).status).toBe(401);
    expect((await auth("sign-in/email", { email: other, password: "the right password" }, from("203.0.113.62"))).status).toBe(200);
  });
});
