/**
 * Stancemap on more than one machine: two instances (one of them two processes sharing its port)
 * on one PostgreSQL, as behind a load balancer without sticky sessions. A session made on one is
 * good on the other, a change made through one reaches event streams open on the other, and the
 * write and sign-in limits count across both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3210) + 40;
const WRITE_LIMIT = 8;
const ACCOUNT_LIMIT = 3;

interface TInstance {
  url: string;
  child: ChildProcess;
  output: string[];
}

let database: EmbeddedPostgres;
let dataDir: string;
const instances: TInstance[] = [];

/** Starts `npm start` on the shared database and waits until it says it is ready. */
async function startInstance(port: number, workers: number): Promise<TInstance> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      STANCEMAP_WORKERS: String(workers),
      STANCEMAP_WRITE_LIMIT: String(WRITE_LIMIT),
      STANCEMAP_SIGN_IN_ACCOUNT_LIMIT: String(ACCOUNT_LIMIT),
      STANCEMAP_AUTH_RATE_LIMIT: "on",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const instance: TInstance = { url: `http://127.0.0.1:${port}`, child, output: [] };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 180 s:\n${instance.output.join("")}`)), 180_000);
    const read = (chunk: Buffer) => {
      instance.output.push(chunk.toString());
      if (chunk.toString().includes("ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${instance.output.join("")}`));
    });
  });
  return instance;
}

async function stopInstance(instance: TInstance): Promise<void> {
  if (instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGTERM");
  await exited;
}

test.describe.configure({ mode: "serial", timeout: 420_000 });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stancemap-two-instances-"));
  database = await startEmbeddedPostgres({ dataDir, database: "shared", port: BASE_PORT + 100, log: () => {} });
  // One after the other: the first migrates and seeds, the second finds it done.
  instances.push(await startInstance(BASE_PORT, 2));
  instances.push(await startInstance(BASE_PORT + 1, 1));
});

test.afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  await database?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A request to one instance as a browser on that site would send it (its own Origin, the cookie). */
function call(instance: TInstance, pathname: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  return fetch(`${instance.url}${pathname}`, {
    method: init.method ?? "GET",
    headers: {
      origin: instance.url,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** Reads an event stream until a change message satisfies `wanted`, or fails after `ms`. */
async function waitForChange(instance: TInstance, slug: string, cookie: string, opened: () => Promise<void>, wanted: (data: string) => boolean, ms = 10_000) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const response = await fetch(`${instance.url}/api/workspaces/${slug}/events`, { headers: { cookie, accept: "text/event-stream" }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let triggered = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += decoder.decode(value, { stream: true });
      if (!triggered) {
        triggered = true;
        await opened();
      }
      for (const frame of buffer.split("\n\n").slice(0, -1)) {
        const data = frame.split("\n").find((line) => line.startsWith("data: "))?.slice(6);
        if (frame.includes("event: change") && data && wanted(data)) return JSON.parse(data) as unknown;
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

test("a session made on one instance works on the other, and changes reach event streams on both", async () => {
  const [a, b] = instances;
  const email = `two-instances-${Date.now()}@example.test`;
  const signUp = await call(a, "/api/auth/sign-up/email", { method: "POST", body: { name: "Scale Tester", email, password: "a long enough password" } });
  expect(signUp.status, await signUp.clone().text()).toBe(200);
  const cookie = cookieOf(signUp);
  expect(cookie).toContain("session_token");

  // Made through B with A's session cookie.
  const created = await call(b, "/api/workspaces", { method: "POST", cookie, body: { title: "Across instances", visibility: "PRIVATE" } });
  expect(created.status, await created.clone().text()).toBe(201);
  const { slug } = (await created.json()) as { slug: string };
  // Read through A: the same database, the same session.
  expect((await call(a, `/api/workspaces/${slug}/matrix`, { cookie })).status).toBe(200);

  // A stream open on A sees a claim made through B, and a stream on B one made through A.
  for (const [reader, writer] of [[a, b], [b, a]] as const) {
    const text = `Made through ${writer.url} while ${reader.url} listens (${Date.now()}).`;
    const change = await waitForChange(reader, slug, cookie, async () => {
      const made = await call(writer, `/api/workspaces/${slug}/claims`, { method: "POST", cookie, body: { text } });
      expect(made.status, await made.clone().text()).toBe(201);
    }, (data) => data.includes("claim.created"));
    expect(JSON.stringify(change)).toContain("claim.created");
  }
});

test("the write limit and the failed sign-in limit count across instances", async () => {
  const [a, b] = instances;
  const email = `limits-${Date.now()}@example.test`;
  const signUp = await call(b, "/api/auth/sign-up/email", { method: "POST", body: { name: "Limit Tester", email, password: "a long enough password" } });
  const cookie = cookieOf(signUp);
  const created = await call(a, "/api/workspaces", { method: "POST", cookie, body: { title: "Limits across instances", visibility: "PRIVATE" } });
  expect(created.status).toBe(201);
  const { slug } = (await created.json()) as { slug: string };

  // Writes alternate between the instances; together they reach the one limit.
  const statuses: number[] = [];
  for (let i = 0; i < WRITE_LIMIT + 2; i++) {
    const instance = instances[i % 2];
    statuses.push((await call(instance, `/api/workspaces/${slug}/claims`, { method: "POST", cookie, body: { text: `Claim number ${i} made in turn.` } })).status);
  }
  expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(WRITE_LIMIT);
  expect(statuses).toContain(429);

  // Wrong passwords on A and then B count against the one account.
  const wrong = (instance: TInstance) => call(instance, "/api/auth/sign-in/email", { method: "POST", body: { email, password: "not the password at all" } });
  const failures: number[] = [];
  for (let i = 0; i < ACCOUNT_LIMIT; i++) failures.push((await wrong(instances[i % 2])).status);
  expect(failures.every((s) => s === 401)).toBe(true);
  const right = await call(b, "/api/auth/sign-in/email", { method: "POST", body: { email, password: "a long enough password" } });
  expect(right.status).toBe(429);
});
