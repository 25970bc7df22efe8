/**
 * Seminar follow: how long after the facilitator's click every follower is on the spotlighted
 * claim, measured over HTTP without browsers.
 *
 * - followers: users signed up over HTTP (`POST /api/auth/sign-up/email`), so each holds a real
 *   Better Auth session cookie — pages read the cookie, not API tokens — then made COMMENTERs of
 *   the workspace straight in the database. The facilitator is an EDITOR with an API token.
 * - each follower holds the workspace's event stream open with its cookie. On a `seminar.steered`
 *   change it does what the seminar bar does in a browser (router.push to the claim named by the
 *   message): it GETs `/w/:slug/claims/:claimId` with its cookie and reads the HTML to the end
 *   (a little heavier than the browser's RSC request for the same page).
 * - per round of N followers: a session is started, the spotlight is moved `steers` times
 *   through the claims (`PATCH …/session {spotlightClaimId}`), each move once every follower has
 *   the previous page plus a pause; arrival = PATCH sent → that follower's page fully read.
 *
 * Used by bench/run.ts; standalone against an app started with STANCEMAP_AUTH_RATE_LIMIT=off:
 *   DATABASE_URL=… BENCH_BASE_URL=http://127.0.0.1:3399 tsx bench/follow-load.ts [followers,…] [steers]
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient } from "../lib/db/client";
import { percentile, prepareWriters, subscribe, type ChangeMessage, type Subscriber } from "./http-load";
import { CpuMeter, type CpuShare } from "./proc-cpu";

const REQUEST_TIMEOUT_MS = 30_000;
/** Sign-ups at a time: each hashes a password on the app's one thread, so more would only queue. */
const SIGNUP_CONCURRENCY = 4;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));

// ---------------------------------------------------------------- fixture

export interface Follower {
  userId: string;
  /** The `Cookie` header a browser signed in as this user would send. */
  cookie: string;
}

export interface FollowFixture {
  slug: string;
  facilitatorToken: string;
  /** The workspace's claims in the matrix's order; the spotlight cycles through them. */
  claimIds: string[];
  followers: Follower[];
}

/** `name=value` of every cookie the answer sets (attributes dropped), as one `Cookie` header. */
function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0].trim())
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

/** Signs a new user up over HTTP and returns the session cookie the app set, checked once. */
async function signUp(base: string, name: string, email: string, password: string): Promise<Follower> {
  // Better Auth refuses a cookie-setting POST without an Origin it trusts, as a browser sends one.
  const res = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name, email, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`sign-up of ${email}: HTTP ${res.status} ${text.slice(0, 200)}`);
  const userId = (JSON.parse(text) as { user?: { id?: string } }).user?.id;
  const cookie = cookieHeader(res);
  if (!userId || !cookie) throw new Error(`sign-up of ${email} answered no user id or no cookie: ${text.slice(0, 200)}`);
  // A cookie the pages would not accept would measure anonymous renders: make sure it signs in.
  const session = await fetch(`${base}/api/auth/get-session`, { headers: { cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = (await session.json().catch(() => null)) as { user?: { id?: string } } | null;
  if (body?.user?.id !== userId) throw new Error(`the session cookie of ${email} does not sign in (HTTP ${session.status})`);
  return { userId, cookie };
}

async function matrixClaimIds(base: string, slug: string, token: string): Promise<string[]> {
  const res = await fetch(`${base}/api/workspaces/${slug}/matrix`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`GET matrix of ${slug}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  const { claims } = (await res.json()) as { claims: { id: string }[] };
  // Two consecutive steers to the same claim would send no event: the cycle needs two claims.
  if (claims.length < 2) throw new Error(`workspace ${slug} has ${claims.length} claims; the spotlight needs at least 2 to move`);
  return claims.map((c) => c.id);
}

/** A facilitator (EDITOR, API token), the claims, and `count` signed-up followers (COMMENTERs). */
export async function prepareFollow(base: string, databaseUrl: string, slug: string, count: number): Promise<FollowFixture> {
  const { workspaceId, writers } = await prepareWriters(databaseUrl, slug, 1);
  const facilitatorToken = writers[0].token;
  const claimIds = await matrixClaimIds(base, slug, facilitatorToken);
  const run = randomUUID().slice(0, 8);
  const password = `bench-${randomUUID()}`;
  const followers: Follower[] = Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) followers[i] = await signUp(base, `Bench follower ${i + 1}`, `bench-follower-${run}-${i}@bench.test`, password);
  };
  await Promise.all(Array.from({ length: Math.min(SIGNUP_CONCURRENCY, count) }, worker));
  const prisma = createPrismaClient(databaseUrl);
  try {
    await prisma.member.createMany({ data: followers.map((f) => ({ workspaceId, userId: f.userId, role: "COMMENTER" as const })) });
  } finally {
    await prisma.$disconnect();
  }
  return { slug, facilitatorToken, claimIds, followers };
}

// ---------------------------------------------------------------- the facilitator

/** A session control as the facilitator → HTTP status and body text. */
async function control(base: string, fixture: FollowFixture, method: "POST" | "PATCH", route: "" | "/end", body: object): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/api/workspaces/${fixture.slug}/session${route}`, {
    method,
    headers: { authorization: `Bearer ${fixture.facilitatorToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, text: await res.text() };
}

/** Ends the live session, if any (404: none was running). */
async function endSession(base: string, fixture: FollowFixture): Promise<void> {
  const r = await control(base, fixture, "POST", "/end", {});
  if (r.status !== 200 && r.status !== 404) throw new Error(`ending the session: HTTP ${r.status} ${r.text.slice(0, 200)}`);
}

// ---------------------------------------------------------------- one round

export interface FollowOptions {
  steers: number;
  /** Pause after every follower has arrived, before the next steer. */
  pauseMs: number;
  /** A follower not on the claim this long after the steer was sent counts as missing. */
  steerTimeoutMs: number;
  connectTimeoutMs?: number;
  cpu?: CpuMeter;
  log?: (message: string) => void;
}

export interface SteerOutcome {
  claimId: string;
  /** The PATCH's answer ("200", "409", "error: TimeoutError", …) and its send → answer time. */
  answer: string;
  patchMs: number;
  /** Followers that had the page within the timeout. */
  arrived: number;
  /** The first follower's arrival, ms after the PATCH was sent (NaN when nobody arrived). */
  firstMs: number;
  /** The last follower's arrival, ms after the PATCH was sent; Infinity when one never arrived. */
  lastMs: number;
}

export interface FollowResult {
  followers: number;
  connected: number;
  connectMs: number;
  steers: SteerOutcome[];
  /** Follower × steer pairs expected, arrived, and missing (no event, a page error, or too late). */
  expected: number;
  arrived: number;
  missed: number;
  /** PATCH sent → page fully read, over every expected pair (a missing one counts as infinitely late). */
  p50: number;
  p95: number;
  max: number;
  /** Per steer, the last follower's arrival: median and max over the steers. */
  lastP50: number;
  lastMax: number;
  /** PATCH sent → the `change` message read, over the deliveries. */
  sseP50: number;
  sseP95: number;
  /** Answers of the followers' page requests. */
  pageAnswers: Record<string, number>;
  patchP50: number;
  /** CPU ms per arrival while steering (app process group, PostgreSQL). */
  cpuPerFollow?: { app: number; postgres: number };
  cpu?: CpuShare;
  errors: string[];
}

/** One steer in flight: what the followers' stream handlers compare against and fill in. */
interface Steer {
  claimId: string;
  sentAt: number;
  open: boolean;
  /** follower index → ms after sentAt */
  delivered: Map<number, number>;
  arrivals: Map<number, number>;
  /** Followers whose page request failed (they will not arrive for this steer). */
  failed: Set<number>;
  settle: () => void;
}

function tally(answers: Record<string, number>, answer: string) {
  answers[answer] = (answers[answer] ?? 0) + 1;
}

/**
 * N followers' streams, each reacting to a steer as the browser does: fetch the named claim's
 * page. `current()` is the steer in flight; messages for anything else are ignored.
 */
function openFollowers(base: string, fixture: FollowFixture, count: number, current: () => Steer | undefined, pageAnswers: Record<string, number>, errors: string[]): Subscriber[] {
  const eventsUrl = `${base}/api/workspaces/${fixture.slug}/events`;
  return fixture.followers.slice(0, count).map((follower, index) => {
    const visit = async (steer: Steer) => {
      let answer: string;
      try {
        const res = await fetch(`${base}/w/${fixture.slug}/claims/${steer.claimId}`, { headers: { cookie: follower.cookie, accept: "text/html" }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer(); // the whole page, as the browser waits for it
        answer = String(res.status);
      } catch (error) {
        answer = `error: ${(error as Error).name}`;
        if (errors.length < 8) errors.push(`page of follower ${index + 1}: ${(error as Error).message}`);
      }
      const at = performance.now();
      tally(pageAnswers, answer);
      if (!steer.open) return;
      if (answer === "200") steer.arrivals.set(index, at - steer.sentAt);
      else steer.failed.add(index);
      steer.settle();
    };
    const onChange = (message: ChangeMessage, at: number) => {
      const steer = current();
      if (message.type !== "seminar.steered" || !steer?.open || message.claimId !== steer.claimId || steer.delivered.has(index)) return;
      steer.delivered.set(index, at - steer.sentAt);
      void visit(steer);
    };
    return subscribe(eventsUrl, { headers: { cookie: follower.cookie }, onChange });
  });
}

async function connectAll(subscribers: Subscriber[], timeoutMs: number): Promise<number> {
  await Promise.race([Promise.allSettled(subscribers.map((s) => s.connected)), sleep(timeoutMs)]);
  return subscribers.filter((s) => s.isConnected).length;
}

/** Every follower opens one claim page first: where a browser is when the session begins (it also warms the app). */
async function openStartPage(base: string, fixture: FollowFixture, count: number): Promise<void> {
  const start = fixture.claimIds[fixture.claimIds.length - 1];
  await Promise.all(fixture.followers.slice(0, count).map((f) => fetch(`${base}/w/${fixture.slug}/claims/${start}`, { headers: { cookie: f.cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((res) => res.arrayBuffer())));
}

/** Sends one steer and waits until every follower has settled (arrived or failed) or the timeout. */
async function steerOnce(base: string, fixture: FollowFixture, steer: Steer, followers: number, timeoutMs: number, errors: string[]): Promise<SteerOutcome> {
  const settled = new Promise<void>((resolve) => {
    steer.settle = () => {
      if (steer.arrivals.size + steer.failed.size >= followers) resolve();
    };
  });
  let answer: string;
  let patchMs = NaN;
  try {
    const r = await control(base, fixture, "PATCH", "", { spotlightClaimId: steer.claimId });
    patchMs = performance.now() - steer.sentAt;
    answer = String(r.status);
    if (r.status !== 200 && errors.length < 8) errors.push(`steer: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  } catch (error) {
    answer = `error: ${(error as Error).name}`;
    if (errors.length < 8) errors.push(`steer: ${(error as Error).message}`);
  }
  // A refused steer sends no event: nobody will come, so there is nothing to wait for.
  if (answer === "200") await Promise.race([settled, sleep(steer.sentAt + timeoutMs - performance.now())]);
  steer.open = false;
  const times = [...steer.arrivals.values()];
  const lastMs = times.length === followers ? Math.max(...times) : Infinity;
  return { claimId: steer.claimId, answer, patchMs, arrived: times.length, firstMs: times.length ? Math.min(...times) : NaN, lastMs };
}

/** One round: `count` followers, a session started, `options.steers` moves of the spotlight, the session ended. */
export async function followRound(base: string, fixture: FollowFixture, count: number, options: FollowOptions): Promise<FollowResult> {
  const log = options.log ?? (() => {});
  const errors: string[] = [];
  const pageAnswers: Record<string, number> = {};
  let steer: Steer | undefined;
  const connectStarted = performance.now();
  const subscribers = openFollowers(base, fixture, count, () => steer, pageAnswers, errors);
  let sessionStarted = false;
  try {
    const connected = await connectAll(subscribers, options.connectTimeoutMs ?? 30_000);
    const connectMs = performance.now() - connectStarted;
    log(`[bench]   ${connected}/${count} followers connected in ${(connectMs / 1000).toFixed(1)} s`);
    await openStartPage(base, fixture, count);

    await endSession(base, fixture);
    const started = await control(base, fixture, "POST", "", {});
    if (started.status !== 201) throw new Error(`starting the session: HTTP ${started.status} ${started.text.slice(0, 200)}`);
    sessionStarted = true;
    await sleep(options.pauseMs); // the start's own event reaches everyone before the first steer

    const cpuStart = options.cpu?.sample();
    const outcomes: SteerOutcome[] = [];
    const sse: number[] = [];
    const arrivals: number[] = [];
    for (let i = 0; i < options.steers; i++) {
      steer = { claimId: fixture.claimIds[i % fixture.claimIds.length], sentAt: performance.now(), open: true, delivered: new Map(), arrivals: new Map(), failed: new Set(), settle: () => {} };
      const outcome = await steerOnce(base, fixture, steer, count, options.steerTimeoutMs, errors);
      outcomes.push(outcome);
      sse.push(...steer.delivered.values());
      arrivals.push(...steer.arrivals.values(), ...Array<number>(count - steer.arrivals.size).fill(Infinity));
      const after = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "—");
      log(`[bench]   steer ${i + 1}: ${outcome.arrived}/${count} on the claim, first after ${after(outcome.firstMs)}, last after ${after(outcome.lastMs)} (PATCH ${outcome.answer} in ${after(outcome.patchMs)})`);
      if (i < options.steers - 1) await sleep(options.pauseMs);
    }
    const cpuEnd = options.cpu?.sample();
    return summarize(count, connected, connectMs, outcomes, arrivals, sse, pageAnswers, errors, cpuStart && cpuEnd ? CpuMeter.share(cpuStart, cpuEnd) : undefined);
  } finally {
    if (sessionStarted) await endSession(base, fixture).catch((error: Error) => log(`[bench]   ending the session failed: ${error.message}`));
    for (const s of subscribers) s.controller.abort();
    await Promise.race([Promise.allSettled(subscribers.map((s) => s.closed)), sleep(5_000)]);
    for (const s of subscribers) if (s.error && errors.length < 8) errors.push(`follower stream: ${s.error}`);
  }
}

function summarize(
  followers: number,
  connected: number,
  connectMs: number,
  steers: SteerOutcome[],
  arrivals: number[],
  sse: number[],
  pageAnswers: Record<string, number>,
  errors: string[],
  cpu: CpuShare | undefined,
): FollowResult {
  arrivals.sort((a, b) => a - b);
  sse.sort((a, b) => a - b);
  const last = steers.map((s) => s.lastMs).sort((a, b) => a - b);
  const patch = steers.map((s) => s.patchMs).filter(Number.isFinite).sort((a, b) => a - b);
  const arrived = arrivals.filter(Number.isFinite).length;
  const perArrival = (cores: number) => (cpu && arrived ? (cores * cpu.seconds * 1000) / arrived : NaN);
  return {
    followers,
    connected,
    connectMs,
    steers,
    expected: arrivals.length,
    arrived,
    missed: arrivals.length - arrived,
    p50: percentile(arrivals, 50),
    p95: percentile(arrivals, 95),
    max: arrivals.at(-1) ?? NaN,
    lastP50: percentile(last, 50),
    lastMax: last.at(-1) ?? NaN,
    sseP50: percentile(sse, 50),
    sseP95: percentile(sse, 95),
    pageAnswers,
    patchP50: percentile(patch, 50),
    cpuPerFollow: cpu ? { app: perArrival(cpu.app), postgres: perArrival(cpu.postgres) } : undefined,
    cpu,
    errors,
  };
}

// ---------------------------------------------------------------- all rounds

export interface RunFollowOptions extends FollowOptions {
  slug: string;
  /** Room sizes, one round each (the followers are signed up once, for the largest). */
  followers: number[];
}

export async function runFollow(base: string, databaseUrl: string, options: RunFollowOptions): Promise<FollowResult[]> {
  const log = options.log ?? (() => {});
  const largest = Math.max(...options.followers);
  const signUpStarted = performance.now();
  const fixture = await prepareFollow(base, databaseUrl, options.slug, largest);
  log(`[bench]   ${largest} followers signed up in ${((performance.now() - signUpStarted) / 1000).toFixed(1)} s; ${fixture.claimIds.length} claims to spotlight`);
  const results: FollowResult[] = [];
  for (const count of options.followers) {
    log(`[bench]   ${count} followers, ${options.steers} steers`);
    results.push(await followRound(base, fixture, count, options));
  }
  return results;
}

// ---------------------------------------------------------------- standalone

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  const base = process.env.BENCH_BASE_URL;
  if (!url || !base) {
    console.error("usage: DATABASE_URL=… BENCH_BASE_URL=http://127.0.0.1:3399 tsx bench/follow-load.ts [followers,…] [steers]");
    process.exit(2);
  }
  const [counts, steers] = process.argv.slice(2);
  const cpu = new CpuMeter(process.env.BENCH_APP_PGRP ? Number(process.env.BENCH_APP_PGRP) : undefined, process.env.BENCH_PG_PID ? Number(process.env.BENCH_PG_PID) : undefined);
  runFollow(base, url, {
    slug: process.env.BENCH_SLUG ?? "sco-debate",
    followers: (counts ?? "5,40").split(",").map(Number),
    steers: Number(steers ?? 10),
    pauseMs: 500,
    steerTimeoutMs: 15_000,
    cpu,
    log: console.log,
  }).then(
    (results) => {
      console.log(JSON.stringify(results, null, 2));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
