/**
 * `npm run bench`: the performance budgets of DESIGN.md, measured against a production build.
 *
 * 1. builds the app if the build is stale (before anything is started, so a failed build leaves
 *    nothing running);
 * 2. starts a fresh embedded PostgreSQL in `.data/bench` (wiped first), migrates, seeds the demo
 *    `sco-debate`, then generates the large synthetic workspace `bench-large`;
 * 3. starts the app (`node --import tsx scripts/start.ts`, as `npm start` does) on 127.0.0.1:3399
 *    against that database, with the per-caller write rate limit off (STANCEMAP_WRITE_LIMIT=0:
 *    the write budget is about raw capacity, and 32 clients would otherwise hit 429s) and the
 *    sign-up rate limit off (STANCEMAP_AUTH_RATE_LIMIT=off: the seminar followers sign up);
 * 4. times matrix requests and full-text searches sequentially (5 warm-up + 50 measured each,
 *    full body read; the searches cycle through a set of queries);
 * 5. seminar follow: rooms of 5 and 40 signed-in followers (BENCH_FOLLOWERS) on the event
 *    stream; a facilitator moves the spotlight 10 times, and every follower fetches the claim's
 *    page on the steering event — time from the click to the last follower's page
 *    (bench/follow-load.ts); then the first matrix paint: Chromium loads the demo's matrix cold,
 *    as a laptop and as a slowed-down phone, and reads the page's own paint timings
 *    (bench/browser-paint.ts) — both before the write load changes the demo;
 * 6. creates evidence over HTTP from 32 concurrent clients (2 s warm-up + 10 s timed), then
 *    measures how fast an edit reaches 500 Server-Sent-Events subscribers (bench/http-load.ts);
 * 7. writes bench/RESULTS.md and stops the app (SIGTERM) and the database — also on error,
 *    on Ctrl-C, and when the whole run exceeds its time limit (BENCH_TIMEOUT_S, default 900).
 *
 * `npm run bench -- --only=search` (or `--only=matrix`, `--only=exports`, `--only=writes`,
 * `--only=follow`, `--only=paint`, comma-separated) runs just those measurements and prints them; a partial run
 * leaves bench/RESULTS.md as it is.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { prepareDatabase } from "../lib/db/prepare";
import { buildIfStale } from "../scripts/build-if-stale";
import { generateLargeWorkspace, type GenerateLargeResult } from "./generate-large";
import { runFollow, type FollowResult } from "./follow-load";
import { PAINT_BUDGET_MS, measurePaint, paintVerdict, type PaintResult } from "./browser-paint";
import { prepareWriters, runFanout, runWriteLoad, type FanoutResult, type WriteLoadResult } from "./http-load";
import { CpuMeter, formatShare, postmasterPid, type CpuShare } from "./proc-cpu";
import { EXPORT_BUDGET, exportVerdict, measureExports, type TExportMeasurement } from "./export-load";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data", "bench");
const RESULTS = path.join(ROOT, "bench", "RESULTS.md");
const HOST = "127.0.0.1";
const PREFERRED_PORT = Number(process.env.BENCH_PORT ?? 3399);
const WARMUP = 5;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const REQUEST_TIMEOUT_MS = 30_000;
const TOTAL_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;
const LARGE_SLUG = "bench-large";
const DEMO_SLUG = "sco-debate";
const WRITE_CLIENTS = Number(process.env.BENCH_WRITE_CLIENTS ?? 32);
const WRITE_WARMUP_MS = 2_000;
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
const SSE_SUBSCRIBERS = Number(process.env.BENCH_SSE_SUBSCRIBERS ?? 500);
const SSE_EDITS = Number(process.env.BENCH_SSE_EDITS ?? 20);
const SSE_SPACING_MS = 250;
/** Budgets of DESIGN.md for the two concurrent measurements. */
const WRITE_BUDGET = { perSecond: 400, p99: 50 };
const SSE_BUDGET_P95 = 200;
/** Seminar rooms measured (followers per round) and how the facilitator steers in each. */
const FOLLOWERS = (process.env.BENCH_FOLLOWERS ?? "5,40").split(",").map(Number).filter((n) => n > 0);
const FOLLOW_STEERS = 10;
const FOLLOW_PAUSE_MS = 500;
const FOLLOW_TIMEOUT_MS = 15_000;
/** The seminar requirement: every follower on the spotlighted claim within 2 s of the click. */
const FOLLOW_BUDGET_MS = 2_000;

interface Target {
  label: string;
  path: string;
  /** When given, the requests cycle through these paths (`path` names them in the report). */
  paths?: string[];
  /** Budget for p50 in ms, or null where DESIGN.md sets none (reported for reference). */
  budgetP50: number | null;
  /** Budget for p95 in ms, where DESIGN.md sets one. */
  budgetP95?: number;
  budgetText: string;
  /** Which `--only` group runs it. */
  group: "matrix" | "search";
}

interface Measurement extends Target {
  statuses: Record<number, number>;
  bytes: number;
  /** For HTML: bytes inside <script> elements (React flight data, hydration), from one extra request. */
  scriptBytes?: number;
  samples: number[];
  p50: number;
  p95: number;
  max: number;
  /** CPU time per request (app and PostgreSQL), a figure less sensitive than latency to other load. */
  cpuPerRequest?: { app: number; postgres: number };
  error?: string;
}

/**
 * Searches of the large workspace, cycled: words of its texts, a phrase, an exclusion, an "or", a
 * misspelt word (no full-text hit: the similarity fallback), an author's name and a title.
 */
const SEARCH_QUERIES = ["regional security", '"energy pipeline"', "sovereignty -china", "consensus or rivalry", "secruity", "Petrov", "Eurasian Integration"];
const searchPath = (slug: string, q: string) => `/api/workspaces/${slug}/search?${new URLSearchParams({ q })}`;

const TARGETS: Target[] = [
  { label: "matrix page, server render — demo (sco-debate)", path: `/w/${DEMO_SLUG}/matrix`, budgetP50: 30, budgetText: "p50 ≤ 30 ms", group: "matrix" },
  { label: "matrix page, server render — large (bench-large)", path: `/w/${LARGE_SLUG}/matrix`, budgetP50: 150, budgetText: "p50 ≤ 150 ms", group: "matrix" },
  { label: "matrix JSON API — demo (sco-debate)", path: `/api/workspaces/${DEMO_SLUG}/matrix`, budgetP50: null, budgetText: "none (reference)", group: "matrix" },
  { label: "matrix JSON API — large (bench-large)", path: `/api/workspaces/${LARGE_SLUG}/matrix`, budgetP50: null, budgetText: "none (reference)", group: "matrix" },
  {
    label: `full-text search over the large workspace (${SEARCH_QUERIES.length} queries in turn, every group)`,
    path: `/api/workspaces/${LARGE_SLUG}/search?q=…`,
    paths: SEARCH_QUERIES.map((q) => searchPath(LARGE_SLUG, q)),
    budgetP50: null,
    budgetP95: 50,
    budgetText: "p95 ≤ 50 ms",
    group: "search",
  },
  { label: "search page, server render — demo (“talk shop”)", path: `/w/${DEMO_SLUG}/search?q=talk+shop`, budgetP50: null, budgetText: "none (reference)", group: "search" },
];

/** `--only=search,matrix,writes`: the measurement groups to run (all when absent). */
const ONLY = new Set(
  process.argv
    .filter((arg) => arg.startsWith("--only="))
    .flatMap((arg) => arg.slice("--only=".length).split(","))
    .filter(Boolean),
);
const runs = (group: "matrix" | "search" | "writes" | "exports" | "follow" | "paint") => ONLY.size === 0 || ONLY.has(group);

/** Cold loads of the demo's matrix in Chromium, per profile. */
const PAINT_LOADS = Number(process.env.BENCH_PAINT_LOADS ?? 10);

const log = (message: string) => console.log(message);

// ---------------------------------------------------------------- helpers

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  // Nearest-rank: the smallest sample with at least p % of samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : "—";
}

function sleep(milliseconds: number) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port between ${preferred} and ${preferred + 49}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes `.data/bench` for a fresh start. A PostgreSQL left running on it by an earlier bench
 * run that was killed is stopped first (by the pid in its postmaster.pid, nothing broader); as
 * root the cluster may live under /var/lib/stancemap, named in postgres.json — removed as well.
 */
async function wipeDataDir(): Promise<void> {
  const credentialsFile = path.join(DATA_DIR, "postgres.json");
  let clusterDir: string | undefined;
  try {
    clusterDir = (JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as { clusterDir?: string }).clusterDir;
  } catch {
    clusterDir = undefined;
  }
  if (clusterDir) {
    const pidFile = path.join(clusterDir, "postmaster.pid");
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
    if (pid && processAlive(pid)) {
      log(`[bench] stopping the PostgreSQL (pid ${pid}) an earlier bench run left on ${clusterDir}`);
      process.kill(pid, "SIGINT");
      const deadline = Date.now() + 20_000;
      while (processAlive(pid) && Date.now() < deadline) await sleep(100);
      if (processAlive(pid)) throw new Error(`PostgreSQL pid ${pid} on ${clusterDir} did not stop; stop it and rerun`);
    }
    if (!clusterDir.startsWith(DATA_DIR + path.sep)) fs.rmSync(clusterDir, { recursive: true, force: true });
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
}

/** The soft limit on open files of this process (inherited by the app it spawns). */
function openFileLimit(): number {
  try {
    const line = fs.readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === "unlimited" ? Infinity : Number(soft);
  } catch {
    return NaN;
  }
}

/**
 * 500 event streams are 500 sockets in this process and 500 in the app: make sure the limit on
 * open files allows that (raised with prlimit when it does not, which needs root or a high
 * enough hard limit). Returns the limit in force.
 */
function ensureOpenFileLimit(needed: number): number {
  const current = openFileLimit();
  if (!(current < needed)) return current;
  const target = Math.max(needed, 65_536);
  try {
    execFileSync("prlimit", ["--pid", String(process.pid), `--nofile=${target}:${target}`], { stdio: "ignore" });
    log(`[bench] raised the open-file limit from ${current} to ${openFileLimit()}`);
  } catch (error) {
    log(`[bench] the open-file limit is ${current} (< ${needed}) and could not be raised: ${(error as Error).message}`);
  }
  return openFileLimit();
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0].v;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the app

interface App {
  child: ChildProcess;
  port: number;
  output: () => string;
  stop(): Promise<void>;
}

function startApp(databaseUrl: string, port: number): App {
  // What `npm start` runs (package.json "start"), minus npm.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    // Own process group, so a stuck start-up can be killed with everything it spawned.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The write budget measures raw capacity; the per-caller limit (default 1200/min) is off.
      STANCEMAP_WRITE_LIMIT: "0",
      // The seminar followers sign up over HTTP: 40 would exceed the 20 sign-ups a minute allowed.
      STANCEMAP_AUTH_RATE_LIMIT: "off",
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const killer = setTimeout(() => {
        log("[bench] the app did not stop within 25 s of SIGTERM; killing its process group");
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, 25_000);
      child.once("exit", () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill("SIGTERM");
    }));
  return { child, port, output: () => output, stop };
}

async function waitForHealth(app: App, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null || app.child.signalCode !== null) {
      throw new Error(`the app exited during start-up (code ${app.child.exitCode ?? app.child.signalCode}):\n${app.output()}`);
    }
    try {
      const res = await fetch(`http://${HOST}:${app.port}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await res.text();
      if (res.ok) return performance.now() - started;
      if (res.status !== 503) log(`[bench] /api/health answered ${res.status}: ${body.slice(0, 200)}`);
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`the app did not answer /api/health within ${timeoutMs / 1000} s:\n${app.output()}`);
}

// ---------------------------------------------------------------- measuring

async function timedGet(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), headers: { accept: "text/html,application/json" } });
  const body = await res.arrayBuffer(); // the whole body, as a browser would wait for it
  return { ms: performance.now() - started, status: res.status, bytes: body.byteLength };
}

async function measure(base: string, target: Target, cpu?: CpuMeter): Promise<Measurement> {
  const statuses: Record<number, number> = {};
  const samples: number[] = [];
  let bytes = 0;
  let cpuPerRequest: Measurement["cpuPerRequest"];
  try {
    const paths = target.paths ?? [target.path];
    for (let i = 0; i < WARMUP; i++) await timedGet(base + paths[i % paths.length]);
    const cpuStart = cpu?.sample();
    for (let i = 0; i < SAMPLES; i++) {
      const r = await timedGet(base + paths[i % paths.length]);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      samples.push(r.ms);
      bytes = r.bytes;
    }
    if (cpu && cpuStart) {
      const share = CpuMeter.share(cpuStart, cpu.sample());
      cpuPerRequest = { app: (share.app * share.seconds * 1000) / SAMPLES, postgres: (share.postgres * share.seconds * 1000) / SAMPLES };
    }
  } catch (error) {
    const sorted = [...samples].sort((a, b) => a - b);
    return { ...target, statuses, bytes, samples, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN, error: (error as Error).message };
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { ...target, statuses, bytes, samples, cpuPerRequest, scriptBytes: await scriptShare(base + (target.paths?.[0] ?? target.path)), p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

/** One untimed request: how much of an HTML answer is <script> content (undefined for JSON). */
async function scriptShare(url: string): Promise<number | undefined> {
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = await res.text();
  if (!(res.headers.get("content-type") ?? "").includes("text/html")) return undefined;
  let total = 0;
  for (const match of body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) total += Buffer.byteLength(match[1], "utf8");
  return total;
}

function allOk(m: Measurement): boolean {
  return !m.error && Object.keys(m.statuses).length === 1 && m.statuses[200] === m.samples.length && m.samples.length > 0;
}

function verdict(m: Measurement): string {
  if (!allOk(m)) {
    const got = Object.entries(m.statuses).map(([status, n]) => `HTTP ${status} ×${n}`).join(", ");
    return `NOT MEASURED (${m.error ? `error: ${m.error}` : `got ${got || "no answer"}`})`;
  }
  if (m.budgetP95 !== undefined) return m.p95 <= m.budgetP95 ? "PASS" : "FAIL";
  if (m.budgetP50 === null) return "—";
  return m.p50 <= m.budgetP50 ? "PASS" : "FAIL";
}

/**
 * Where the time of the large matrix goes: the queries getMatrix() sends, run directly with
 * `pg` (no Prisma, no rendering), 10 times each after one warm-up; the median is reported.
 */
async function queryBreakdown(url: string, slug: string): Promise<{ label: string; median: number; rows: number }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ws = await client.query<{ id: string }>(`select id from "Workspace" where slug = $1`, [slug]);
    const id = ws.rows[0]?.id;
    if (!id) return [];
    const queries: [string, string][] = [
      ["authors + their sources' dates", `select a.id, a.name, a."shortName", s."publishedOn", s."publishedPrecision" from "Author" a left join "Source" s on s."authorId" = a.id and s."deletedAt" is null where a."workspaceId" = $1`],
      ["claims", `select id, text, tags, rank from "Claim" where "workspaceId" = $1 and "deletedAt" is null`],
      [
        "evidence grouped by (claim, author, stance, voice), with its links' comments",
        `select e."claimId", s."authorId", e.stance::text as stance, e.voice::text as voice, count(*)::int as count, coalesce(sum(cc.n), 0)::int as comments
         from "Evidence" e
         join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null
         join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
         left join (
           select c."evidenceId", count(*) as n from "Comment" c
           where c."workspaceId" = $1::uuid and c."evidenceId" is not null and c."deletedAt" is null
           group by c."evidenceId"
         ) cc on cc."evidenceId" = e.id
         where e."workspaceId" = $1::uuid and e."deletedAt" is null
         group by e."claimId", s."authorId", e.stance, e.voice`,
      ],
      ["explicit positions", `select "claimId", "authorId", stance, note from "Position" where "workspaceId" = $1 and "deletedAt" is null`],
      [
        "comments per claim",
        `select c."claimId", count(*)::int as count from "Comment" c
         where c."workspaceId" = $1::uuid and c."claimId" is not null and c."deletedAt" is null
         group by c."claimId"`,
      ],
    ];
    const out: { label: string; median: number; rows: number }[] = [];
    for (const [label, sql] of queries) {
      let rows = (await client.query(sql, [id])).rowCount ?? 0;
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        rows = (await client.query(sql, [id])).rowCount ?? 0;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      out.push({ label, median: percentile(times, 50), rows });
    }
    return out;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- writes and realtime: verdicts

type Failed = { error: string };
const failed = (x: object): x is Failed => "error" in x;

const WRITE_LABEL = `create evidence (excerpt + link) over HTTP, ${WRITE_CLIENTS} concurrent clients`;
const WRITE_BUDGET_TEXT = `≥ ${WRITE_BUDGET.perSecond} writes/s, p99 ≤ ${WRITE_BUDGET.p99} ms`;
const SSE_LABEL = `an edit seen by another browser (SSE), ${SSE_SUBSCRIBERS} subscribers`;
const SSE_BUDGET_TEXT = `p95 ≤ ${SSE_BUDGET_P95} ms`;

function answersText(answers: Record<string, number>): string {
  return Object.entries(answers)
    .sort((a, b) => b[1] - a[1])
    .map(([answer, n]) => `${/^\d+$/.test(answer) ? `HTTP ${answer}` : answer} ×${n.toLocaleString("en")}`)
    .join(", ");
}

function writeVerdict(r: WriteLoadResult | Failed): string {
  if (failed(r)) return `NOT MEASURED (error: ${r.error})`;
  const total = Object.values(r.answers).reduce((a, b) => a + b, 0);
  const unexpected = total - (r.answers["201"] ?? 0) - (r.answers["409"] ?? 0);
  if (!r.created || unexpected > total * 0.01) return `NOT MEASURED (answers: ${answersText(r.answers) || "none"})`;
  const misses = [];
  if (r.writesPerSecond < WRITE_BUDGET.perSecond) misses.push(`${r.writesPerSecond.toFixed(0)} writes/s < ${WRITE_BUDGET.perSecond}`);
  if (!(r.p99 <= WRITE_BUDGET.p99)) misses.push(`p99 ${ms(r.p99)} ms > ${WRITE_BUDGET.p99}`);
  return misses.length ? `FAIL (${misses.join("; ")})` : "PASS";
}

function fanoutVerdict(r: FanoutResult | Failed): string {
  if (failed(r)) return `NOT MEASURED (error: ${r.error})`;
  if (r.connected < r.subscribers) return `NOT MEASURED (only ${r.connected} of ${r.subscribers} subscribers connected)`;
  if (!r.acceptedEdits) return `NOT MEASURED (no edit was accepted: ${answersText(r.editAnswers)})`;
  const misses = [];
  if (!(r.p95 <= SSE_BUDGET_P95)) misses.push(`p95 ${ms(r.p95)} ms > ${SSE_BUDGET_P95}`);
  if (r.missed) misses.push(`${r.missed.toLocaleString("en")} deliveries missed`);
  return misses.length ? `FAIL (${misses.join("; ")})` : "PASS";
}

/** CPU ms per 201, per party, over the timed window. */
function cpuPerWrite(r: WriteLoadResult): string {
  if (!r.cpu || !r.created) return "not available";
  const per = (cores: number) => (Number.isFinite(cores) ? ((cores * r.cpu!.seconds * 1000) / r.created).toFixed(1) : "?");
  return `app ${per(r.cpu.app)} ms, PostgreSQL ${per(r.cpu.postgres)} ms, bench clients ${per(r.cpu.bench)} ms`;
}

function summarizeWrites(r: WriteLoadResult): string {
  return `${r.writesPerSecond.toFixed(0)} writes/s  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  max ${ms(r.max)} ms  [${answersText(r.answers)}]`;
}

function summarizeFanout(r: FanoutResult): string {
  return `${r.delivered}/${r.expected} delivered, ${r.missed} missed  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  max ${ms(r.max)} ms  (edit POST p50 ${ms(r.editP50)} ms, fan-out spread p50 ${ms(r.spreadP50)} ms)`;
}

// ---------------------------------------------------------------- seminar follow: verdicts

type FollowPhase = { results: FollowResult[] | Failed; load: [number[], number[]] };

function followVerdict(r: FollowResult): string {
  const accepted = r.steers.filter((s) => s.answer === "200").length;
  if (!accepted) return `NOT MEASURED (no steer was accepted: ${r.steers.map((s) => s.answer).join(", ")})`;
  const misses = [];
  if (!(r.lastMax <= FOLLOW_BUDGET_MS)) misses.push(Number.isFinite(r.lastMax) ? `last follower after ${ms(r.lastMax)} ms > ${FOLLOW_BUDGET_MS}` : "a follower never arrived");
  if (r.connected < r.followers) misses.push(`only ${r.connected} of ${r.followers} streams connected`);
  if (r.missed) misses.push(`${r.missed} of ${r.expected} arrivals missing`);
  if (accepted < r.steers.length) misses.push(`${r.steers.length - accepted} steers refused`);
  return misses.length ? `FAIL (${misses.join("; ")})` : "PASS";
}

/** CPU ms per follower arriving on a claim, per party, over the steering. */
function cpuPerFollowText(r: FollowResult): string {
  if (!r.cpuPerFollow) return "not available";
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "?");
  return `app ${f(r.cpuPerFollow.app)} ms, PostgreSQL ${f(r.cpuPerFollow.postgres)} ms`;
}

function firstToLast(r: FollowResult): string {
  return r.steers.map((s) => `${ms(s.firstMs)} → ${ms(s.lastMs)}`).join(", ");
}

function summarizeFollow(r: FollowResult): string {
  return `${r.followers} followers: last follower per steer median ${ms(r.lastP50)} ms, max ${ms(r.lastMax)} ms; arrivals p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  max ${ms(r.max)} ms; SSE p50 ${ms(r.sseP50)} ms  p95 ${ms(r.sseP95)} ms; ${r.arrived}/${r.expected} arrived (PATCH p50 ${ms(r.patchP50)} ms)`;
}

/** The "Seminar" section of RESULTS.md. */
function followSection(phase: FollowPhase, fmtLoad: (l: number[]) => string): string[] {
  const lines = ["## Seminar: followers reaching the spotlight", ""];
  lines.push(
    `A facilitator moves the spotlight of a live session of \`${DEMO_SLUG}\`. The requirement: in a room of 5–40 people, every follower is on the spotlighted claim within ${FOLLOW_BUDGET_MS / 1000} s of the click. The result judges the slowest follower of the slowest steer.`,
    "",
  );
  lines.push("| followers | last follower per steer: median / max ms | all arrivals p50 / p95 / max ms | SSE delivery p50 / p95 ms | arrived | app CPU per follow | result |");
  lines.push("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  const { results } = phase;
  if (failed(results)) lines.push(`| ${FOLLOWERS.join(", ")} | — | — | — | — | — | NOT MEASURED (error: ${results.error.replace(/\|/g, "\\|")}) |`);
  else
    for (const r of results)
      lines.push(
        `| ${r.followers} | **${ms(r.lastP50)} / ${ms(r.lastMax)}** | ${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.max)} | ${ms(r.sseP50)} / ${ms(r.sseP95)} | ${r.arrived} of ${r.expected} | ${r.cpuPerFollow ? `${ms(r.cpuPerFollow.app)} ms` : "—"} | ${followVerdict(r)} |`,
      );
  lines.push("", "How this was measured:", "");
  lines.push(
    `- **Followers**: signed up over HTTP (\`POST /api/auth/sign-up/email\` with an \`Origin\` header, as a browser; the sign-up rate limit off with \`STANCEMAP_AUTH_RATE_LIMIT=off\`), so each holds a real session cookie — the pages read the cookie, not API tokens — then made COMMENTERs of \`${DEMO_SLUG}\` in the database. Each opens the workspace's event stream with its cookie and counts as connected on \`: connected\`; before the session starts each loads one claim page (where a browser would be, and it warms the app).`,
  );
  lines.push(
    `- **Steering**: the facilitator (an EDITOR with an API token) ends any live session, starts one, and sends \`PATCH /api/workspaces/${DEMO_SLUG}/session {"spotlightClaimId"}\` ${FOLLOW_STEERS} times, cycling through the claims in the matrix's order. The next steer goes ${FOLLOW_PAUSE_MS} ms after every follower has arrived (or ${FOLLOW_TIMEOUT_MS / 1000} s after the steer, when a follower still missing counts as a failure and as infinitely late).`,
  );
  lines.push(
    `- **A follower's move**: on the \`seminar.steered\` change naming the claim, it does what the seminar bar does in a browser — go to \`/w/${DEMO_SLUG}/claims/:claimId\` — as a GET of the full HTML page with its cookie, read to the end (a little heavier than the RSC request of the browser's client-side navigation). **Arrival** = the PATCH being sent → that page fully read; **SSE delivery** = the PATCH being sent → the change message read. Not included: the browser's own work after the answer (parsing, React rendering) and the click → request time in the facilitator's browser.`,
  );
  lines.push(`- App CPU per follow = the app process group's CPU time over the steering phase ÷ arrivals (it includes the PATCHes and the event fan-out).`);
  if (!failed(results)) {
    for (const r of results) {
      lines.push(
        `- ${r.followers} followers: ${r.connected} of ${r.followers} streams connected in ${(r.connectMs / 1000).toFixed(1)} s; first → last follower per steer: ${firstToLast(r)} ms; PATCH → 200 p50 ${ms(r.patchP50)} ms; pages answered ${answersText(r.pageAnswers)}. ${r.cpu ? `CPU while steering (average cores in use): ${formatShare(r.cpu)}; per follow: ${cpuPerFollowText(r)}` : "CPU use not available"}.`,
      );
      if (r.errors.length) lines.push(`  Errors (examples): ${r.errors.map((e) => `\`${e.replace(/`/g, "'").replace(/\|/g, "\\|")}\``).join("; ")}`);
    }
  }
  lines.push(`- Load average before: ${fmtLoad(phase.load[0])}; after: ${fmtLoad(phase.load[1])}.`, "");
  return lines;
}

// ---------------------------------------------------------------- the report

function paintSection(paint: PaintResult[] | Failed): string[] {
  const lines = ["## First matrix paint in a real browser", ""];
  lines.push(
    `Chromium (Debian's, headless) opens \`/w/${DEMO_SLUG}/matrix\` cold — a new browser context for each load, so no cache and no cookies — ${PAINT_LOADS} times per profile after 2 warm-up loads. Times are from the navigation's start, read from the page's own performance entries: the first byte, the first contentful paint, and the matrix's paint (Element Timing on its header cell). The budget (≤ ${PAINT_BUDGET_MS / 1000} s) judges the laptop; the phone is for reference.`,
    "",
  );
  if ("error" in paint) return [...lines, `NOT MEASURED: ${paint.error}`, ""];
  lines.push("| profile | first byte p50 ms | first paint p50 ms | matrix painted p50 ms | p95 ms | max ms | result |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of paint) {
    const judged = r.profile.cpuSlowdown === 1;
    lines.push(`| ${r.profile.label} | ${ms(r.ttfb.p50)} | ${ms(r.fcp.p50)} | ${ms(r.matrix.p50)} | ${ms(r.matrix.p95)} | ${ms(r.matrix.max)} | ${judged ? paintVerdict(r) : "— (reference)"} |`);
  }
  lines.push("");
  return lines;
}

function report(input: {
  started: Date;
  postgres: string;
  generation: GenerateLargeResult;
  healthMs: number;
  port: number;
  measurements: Measurement[];
  breakdown: { label: string; median: number; rows: number }[];
  totalS: number;
  load: { before: number[]; after: number[] };
  writes: WriteLoadResult | Failed;
  fanout: FanoutResult | Failed;
  loads: Loads;
  follow: FollowPhase;
  paint: PaintResult[] | Failed;
  fileLimit: number;
  exports: TExportMeasurement[];
}): string {
  const cpus = os.cpus();
  const lines: string[] = [];
  const { generation: g } = input;
  lines.push("# Benchmark results", "");
  lines.push("Written by `npm run bench` (bench/run.ts); every number below is from the run on this date.", "");
  lines.push(`- date: ${input.started.toISOString()}`);
  lines.push(`- machine: ${cpus.length} cores, ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.type()} ${os.release()} (${os.arch()})`);
  lines.push(`- node ${process.version}, PostgreSQL ${input.postgres} (embedded, fresh cluster in .data/bench), Next.js production build`);
  lines.push(`- app: \`node --import tsx scripts/start.ts\` (as \`npm start\`) on http://${HOST}:${input.port}, ready ${(input.healthMs / 1000).toFixed(1)} s after spawn, with **STANCEMAP_WRITE_LIMIT=0 (the per-caller write rate limit off)** and STANCEMAP_AUTH_RATE_LIMIT=off (sign-ups for the seminar rooms); the app, PostgreSQL and the bench clients share this machine`);
  lines.push(`- matrix rows: Node fetch, one request at a time (keep-alive); ${WARMUP} warm-up requests, then ${SAMPLES} timed requests (full response body read); nearest-rank percentiles`);
  lines.push(`- full-text search: the same, the requests cycling through ${SEARCH_QUERIES.map((q) => `\`${q}\``).join(", ")} (every group: claims, excerpts, passages, sources, comments; 10 results each)`);
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
  const busy = (l: number[]) => l[0] > cpus.length * 0.5;
  lines.push(`- load average (1 / 5 / 15 min) before the matrix requests: ${fmtLoad(input.load.before)}; after: ${fmtLoad(input.load.after)}${busy(input.load.before) || busy(input.load.after) ? " — **the machine was busy with other work; treat the numbers as noisy (upper bounds)**" : ""}`);
  lines.push(`- whole run: ${input.totalS.toFixed(0)} s (including \`next build\` when the build was stale)`, "");

  lines.push("## Synthetic large workspace (`bench-large`)", "");
  if (g.created) {
    const c = g.counts;
    lines.push(`Generated by bench/generate-large.ts in **${(g.ms / 1000).toFixed(1)} s** (text generation, bulk inserts in one transaction, commit, ANALYZE):`);
    lines.push(`${c.authors} authors, ${c.sources} sources (${(c.textBytes / 1e6).toFixed(2)} MB of text), ${c.claims.toLocaleString("en")} claims, ${c.excerpts.toLocaleString("en")} excerpts, ${c.evidence.toLocaleString("en")} evidence links, ${c.claimLinks} claim links, ${c.comments.toLocaleString("en")} comments.`);
  } else {
    lines.push("The workspace already existed, so it was not generated again (no generation time measured).");
  }
  lines.push("");

  lines.push("## Measured", "");
  lines.push("| what | path | budget | p50 ms | p95 ms | max ms | response | result |");
  lines.push("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
  for (const m of input.measurements) {
    const ok = allOk(m);
    const size = m.bytes ? `${(m.bytes / 1024).toFixed(0)} KiB${m.scriptBytes !== undefined ? ` (${Math.round((100 * m.scriptBytes) / m.bytes)} % in <script>)` : ""}` : "—";
    lines.push(`| ${m.label} | \`${m.path}\` | ${m.budgetText} | ${ok ? ms(m.p50) : "—"} | ${ok ? ms(m.p95) : "—"} | ${ok ? ms(m.max) : "—"} | ${size} | ${verdict(m)} |`);
  }
  const withCpu = input.measurements.filter((m) => allOk(m) && m.cpuPerRequest);
  if (withCpu.length) {
    lines.push("");
    lines.push("CPU time per request over the timed requests (app process group and PostgreSQL), which other load on the machine inflates less than latency:");
    for (const m of withCpu) lines.push(`- ${m.label}: app ${ms(m.cpuPerRequest!.app)} ms, PostgreSQL ${ms(m.cpuPerRequest!.postgres)} ms`);
  }
  const failedRequests = input.measurements.filter((m) => !allOk(m));
  if (failedRequests.length) {
    lines.push("");
    lines.push("Rows marked NOT MEASURED did not answer 200 to every request, so their timings would not measure the feature:");
    for (const m of failedRequests) {
      const got = Object.entries(m.statuses).map(([status, n]) => `HTTP ${status} ×${n}`).join(", ");
      lines.push(`- \`${m.path}\`: ${got || "no answer"}${m.error ? `; ${m.error}` : ""}${m.samples.length ? ` (timings of those answers: p50 ${ms(m.p50)} ms, max ${ms(m.max)} ms)` : ""}`);
    }
  }
  lines.push("");

  if (input.exports.length) {
    lines.push("## Exports of the large workspace", "");
    lines.push(`Each downloaded once over HTTP (\`GET /api/workspaces/${LARGE_SLUG}/export?format=…\`), timed to the last byte; the app process's resident memory sampled every 20 ms. Budget: ≤ ${EXPORT_BUDGET.ms / 1000} s each, memory ≤ ${EXPORT_BUDGET.memoryMb} MB (judged as the rise of the app's resident memory during the download).`, "");
    lines.push("| format | time | size | app memory before → peak | result |");
    lines.push("| --- | ---: | ---: | --- | --- |");
    for (const e of input.exports) lines.push(`| \`${e.format}\` | ${(e.ms / 1000).toFixed(2)} s | ${(e.bytes / 1e6).toFixed(1)} MB | ${e.rssBeforeMb.toFixed(0)} → ${e.rssPeakMb.toFixed(0)} MB (+${(e.rssPeakMb - e.rssBeforeMb).toFixed(0)}) | ${exportVerdict(e)} |`);
    lines.push("");
  }

  lines.push("## Writes and realtime", "");
  lines.push("| what | path | budget | measured | p50 ms | p95 ms | p99 ms | max ms | result |");
  lines.push("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
  const w = input.writes;
  if (failed(w)) lines.push(`| ${WRITE_LABEL} | \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` | ${WRITE_BUDGET_TEXT} | — | — | — | — | — | ${writeVerdict(w)} |`);
  else
    lines.push(
      `| ${WRITE_LABEL} | \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` | ${WRITE_BUDGET_TEXT} | **${w.writesPerSecond.toFixed(0)} writes/s** (${w.created.toLocaleString("en")} created in ${w.durationMs / 1000} s; ${answersText(w.answers)}) | ${ms(w.p50)} | ${ms(w.p95)} | ${ms(w.p99)} | ${ms(w.max)} | ${writeVerdict(w)} |`,
    );
  const f = input.fanout;
  if (failed(f)) lines.push(`| ${SSE_LABEL} | \`GET /api/workspaces/${DEMO_SLUG}/events\` | ${SSE_BUDGET_TEXT} | — | — | — | — | — | ${fanoutVerdict(f)} |`);
  else
    lines.push(
      `| ${SSE_LABEL} | \`GET /api/workspaces/${DEMO_SLUG}/events\` | ${SSE_BUDGET_TEXT} | ${f.delivered.toLocaleString("en")} of ${f.expected.toLocaleString("en")} deliveries (${f.connected} subscribers × ${f.acceptedEdits} edits), **${f.missed} missed** | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${fanoutVerdict(f)} |`,
    );
  lines.push("");
  const cpuText = (c?: CpuShare) => (c ? `CPU during the timed window (average cores in use): ${formatShare(c)}` : "CPU use not available");
  lines.push("How these were measured:", "");
  lines.push(
    `- **Create evidence**: ${WRITE_CLIENTS} users, each an EDITOR of \`${DEMO_SLUG}\` with a personal API token, inserted straight into the bench database (User, Member, \`createApiToken\`). Each client loops \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` with \`Authorization: Bearer …\` and \`{ sourceId, selector: { start, end, exact }, evidence: [{ claimId, stance: "SUPPORTS", voice: "AUTHOR" }] }\` — a random source of the demo, a random passage of 40–200 characters, a random claim — for ${WRITE_WARMUP_MS / 1000} s of warm-up, then ${WRITE_SECONDS} s timed. Throughput = 201 answers completed inside the timed window ÷ ${WRITE_SECONDS} s; latency = send → full answer read, over every request started inside the window (any answer). A passage already linked to the claim answers 409; that is counted separately, not as a write.`,
  );
  lines.push(`- The per-caller write rate limit is **off** for the whole run (\`STANCEMAP_WRITE_LIMIT=0\`; default 1,200 writes/min per caller, i.e. 20/s — a single client near the budget would otherwise be answered 429). The budget is about raw write capacity.`);
  lines.push("- HTTP client: Node's built-in fetch. `undici` is not installed as a package, so no `Agent` could be configured; the built-in fetch's global dispatcher keeps connections alive and has no per-origin connection cap (checked by the run: every subscriber connected).");
  if (!failed(w)) {
    lines.push(`- Writes: ${w.warmupRequests.toLocaleString("en")} warm-up requests; latency of the 201s alone: p99 ${ms(w.createdP99)} ms. ${cpuText(w.cpu)}. Load average before: ${fmtLoad(input.loads.writes[0])}; after: ${fmtLoad(input.loads.writes[1])}.`);
    if (w.cpu && w.created) lines.push(`- CPU time per created write (less sensitive to other load on the machine than the rates): ${cpuPerWrite(w)}. On ${cpus.length} cores, ${WRITE_BUDGET.perSecond} writes/s leaves ${((cpus.length * 1000) / WRITE_BUDGET.perSecond).toFixed(1)} ms of CPU per write for app, PostgreSQL and clients together; the app serves requests on one Node.js thread, so it alone cannot exceed about 1 core.`);
    lines.push(`- The clients are closed-loop (each sends its next request when the previous one is answered), so at saturation the mean latency is ${w.clients} ÷ throughput (here ${ms((1000 * w.clients) / Math.max(w.writesPerSecond, 1e-9))} ms): meeting p99 ≤ ${WRITE_BUDGET.p99} ms with ${w.clients} such clients takes more than ${Math.round((1000 * w.clients) / WRITE_BUDGET.p99)} writes/s, not only ${WRITE_BUDGET.perSecond}.`);
    if (w.examples.length) lines.push(`- Non-201 answers (examples): ${w.examples.map((e) => `\`${e.replace(/`/g, "'").replace(/\|/g, "\\|")}\``).join("; ")}`);
  }
  lines.push(
    `- **Realtime**: ${SSE_SUBSCRIBERS} anonymous event streams (\`GET /api/workspaces/${DEMO_SLUG}/events\`; the demo is public), opened 50 at a time from this process and read with a streaming reader; a subscriber counts as connected once it has read \`: connected\`. Then ${SSE_EDITS} claims are created through \`POST /api/workspaces/${DEMO_SLUG}/claims\` (one editor's token), ${SSE_SPACING_MS} ms apart. For every (subscriber, edit) pair the delay is from the POST being sent to the subscriber reading the \`event: change\` block whose \`entityId\` is the new claim's id (so it includes the write's own transaction and commit). Deliveries still missing 10 s after the last edit count as missed (and as infinitely late in the percentiles). The open-file limit was ${input.fileLimit}.`,
  );
  if (!failed(f)) {
    lines.push(
      `- Realtime: ${f.connected} of ${f.subscribers} subscribers connected in ${(f.connectMs / 1000).toFixed(1)} s; ${f.dropped} dropped during the run; edits answered ${answersText(f.editAnswers)} (POST → 201: p50 ${ms(f.editP50)} ms, max ${ms(f.editMax)} ms); first → last subscriber per edit (the fan-out itself): median ${ms(f.spreadP50)} ms, max ${ms(f.spreadMax)} ms. ${cpuText(f.cpu)}. Load average before: ${fmtLoad(input.loads.fanout[0])}; after: ${fmtLoad(input.loads.fanout[1])}.`,
    );
    if (f.errors.length) lines.push(`- Realtime errors (examples): ${f.errors.map((e) => `\`${e.replace(/`/g, "'").replace(/\|/g, "\\|")}\``).join("; ")}`);
  }
  lines.push("");

  if (input.breakdown.length) {
    lines.push("### Where the large matrix spends its database time", "");
    lines.push("The queries of `getMatrix()` (lib/server/workspaces/get-matrix.ts) for `bench-large`, sent directly with `pg`; median of 10.", "");
    lines.push("| query | rows | median ms |");
    lines.push("| --- | ---: | ---: |");
    for (const q of input.breakdown) lines.push(`| ${q.label} | ${q.rows.toLocaleString("en")} | ${ms(q.median)} |`);
    lines.push("");
  }

  lines.push(...followSection(input.follow, fmtLoad));

  lines.push(...paintSection(input.paint));

  return lines.join("\n");
}

// ---------------------------------------------------------------- writes, realtime and follow: running

type Loads = { writes: [number[], number[]]; fanout: [number[], number[]] };

/** Concurrent evidence writes, then the realtime fan-out, with the load average around each. */
async function measureWrites(base: string, databaseUrl: string, cpu: CpuMeter): Promise<{ writes: WriteLoadResult | Failed; fanout: FanoutResult | Failed; loads: Loads }> {
  const loads: Loads = { writes: [[], []], fanout: [[], []] };
  const fixture = await prepareWriters(databaseUrl, DEMO_SLUG, Math.max(1, WRITE_CLIENTS)).catch((error: Error) => ({ error: error.message }));
  if (failed(fixture)) {
    const error = { error: `setting up the editors failed: ${fixture.error}` };
    return { writes: error, fanout: error, loads };
  }
  log(`[bench] create evidence: ${WRITE_CLIENTS} clients, ${WRITE_WARMUP_MS / 1000} s warm-up + ${WRITE_SECONDS} s timed`);
  loads.writes[0] = os.loadavg();
  const writes = await runWriteLoad(base, fixture, { clients: WRITE_CLIENTS, warmupMs: WRITE_WARMUP_MS, durationMs: WRITE_SECONDS * 1000, cpu, log }).catch((error: Error) => ({ error: error.message }));
  loads.writes[1] = os.loadavg();
  log(failed(writes) ? `[bench]   failed: ${writes.error}` : `[bench]   ${summarizeWrites(writes)}  → ${writeVerdict(writes)}`);
  if (!failed(writes) && writes.cpu) log(`[bench]   cpu: ${formatShare(writes.cpu)}; per write: ${cpuPerWrite(writes)}`);

  await sleep(2_000); // let the write burst settle (WAL, autovacuum) before the next phase
  log(`[bench] realtime: ${SSE_SUBSCRIBERS} subscribers, ${SSE_EDITS} edits ${SSE_SPACING_MS} ms apart`);
  loads.fanout[0] = os.loadavg();
  const fanout = await runFanout(base, fixture, { subscribers: SSE_SUBSCRIBERS, edits: SSE_EDITS, spacingMs: SSE_SPACING_MS, cpu, log }).catch((error: Error) => ({ error: error.message }));
  loads.fanout[1] = os.loadavg();
  log(failed(fanout) ? `[bench]   failed: ${fanout.error}` : `[bench]   ${summarizeFanout(fanout)}  → ${fanoutVerdict(fanout)}`);
  if (!failed(fanout) && fanout.cpu) log(`[bench]   cpu: ${formatShare(fanout.cpu)}`);
  return { writes, fanout, loads };
}

/** Seminar rooms of BENCH_FOLLOWERS sizes following the spotlight, with the load average around them. */
async function measureFollow(base: string, databaseUrl: string, cpu: CpuMeter): Promise<FollowPhase> {
  log(`[bench] seminar follow: rooms of ${FOLLOWERS.join(" and ")} followers, ${FOLLOW_STEERS} steers each`);
  const before = os.loadavg();
  const results = await runFollow(base, databaseUrl, { slug: DEMO_SLUG, followers: FOLLOWERS, steers: FOLLOW_STEERS, pauseMs: FOLLOW_PAUSE_MS, steerTimeoutMs: FOLLOW_TIMEOUT_MS, cpu, log }).catch((error: Error) => ({ error: error.message }));
  const load: [number[], number[]] = [before, os.loadavg()];
  if (failed(results)) {
    log(`[bench]   failed: ${results.error}`);
    return { results, load };
  }
  for (const r of results) {
    log(`[bench]   ${summarizeFollow(r)}  → ${followVerdict(r)}`);
    log(`[bench]     first → last follower per steer: ${firstToLast(r)} ms`);
    if (r.cpu) log(`[bench]     cpu: ${formatShare(r.cpu)}; per follow: ${cpuPerFollowText(r)}`);
    if (r.errors.length) log(`[bench]     errors: ${r.errors.join("; ")}`);
  }
  return { results, load };
}

// ---------------------------------------------------------------- main

async function main() {
  const started = new Date();
  const t0 = performance.now();
  process.chdir(ROOT); // prepareDatabase() reads prisma/ relative to the working directory
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const step of cleanups.reverse()) await step().catch((error) => console.error("[bench] cleanup:", error));
    })());
  const abort = (reason: string) => {
    console.error(`[bench] ${reason}; stopping`);
    void cleanup().finally(() => process.exit(1));
  };
  const overall = setTimeout(() => abort(`the run exceeded ${TOTAL_TIMEOUT_MS / 1000} s`), TOTAL_TIMEOUT_MS);
  overall.unref();
  process.once("SIGINT", () => abort("SIGINT"));
  process.once("SIGTERM", () => abort("SIGTERM"));

  // 500 event streams: 500 sockets here and 500 in the app (which inherits this limit).
  const fileLimit = ensureOpenFileLimit(SSE_SUBSCRIBERS * 2 + 1_000);

  try {
    // 1. A production build (next build only when sources are newer than the last build).
    buildIfStale(ROOT);

    // 2. A fresh database: embedded PostgreSQL in .data/bench, migrated, demo seeded.
    await wipeDataDir();
    process.env.STANCEMAP_DATA_DIR = DATA_DIR;
    process.env.STANCEMAP_PG_PORT ??= "54339";
    delete process.env.DATABASE_URL; // always the fresh embedded server, never the caller's database
    const database = await prepareDatabase({ log });
    cleanups.push(async () => {
      log("[bench] stopping PostgreSQL");
      await database.stop();
    });
    const postgres = await postgresVersion(database.url);

    // 3. The large workspace.
    log("[bench] generating the large workspace");
    const generation = await generateLargeWorkspace(database.url, { slug: LARGE_SLUG, log });
    log(`[bench] large workspace ${generation.created ? `generated in ${(generation.ms / 1000).toFixed(1)} s` : "already present"}`);

    // 4. The app, against that database, loopback only.
    const port = await freePort(PREFERRED_PORT);
    if (port !== PREFERRED_PORT) log(`[bench] port ${PREFERRED_PORT} is taken; using ${port}`);
    log(`[bench] starting the app on http://${HOST}:${port}`);
    const app = startApp(database.url, port);
    cleanups.push(async () => {
      log("[bench] stopping the app (SIGTERM)");
      await app.stop();
    });
    const healthMs = await waitForHealth(app, 180_000);
    log(`[bench] app ready after ${(healthMs / 1000).toFixed(1)} s`);

    // 5. Measure, one target after another.
    const base = `http://${HOST}:${port}`;
    const measurements: Measurement[] = [];
    const loadBefore = os.loadavg();
    const cpu = new CpuMeter(app.child.pid, postmasterPid(DATA_DIR));
    for (const target of TARGETS.filter((t) => runs(t.group))) {
      log(`[bench] ${target.path}`);
      const m = await measure(base, target, cpu);
      measurements.push(m);
      const statuses = Object.entries(m.statuses).map(([s, n]) => `${s}×${n}`).join(" ");
      log(`[bench]   p50 ${ms(m.p50)} ms  p95 ${ms(m.p95)} ms  max ${ms(m.max)} ms  [${statuses}]  ${(m.bytes / 1024).toFixed(0)} KiB  → ${verdict(m)}`);
      if (m.cpuPerRequest) log(`[bench]   cpu per request: app ${ms(m.cpuPerRequest.app)} ms, PostgreSQL ${ms(m.cpuPerRequest.postgres)} ms; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    }

    const loadAfter = os.loadavg();
    const breakdown = runs("matrix") ? await queryBreakdown(database.url, LARGE_SLUG) : [];
    const exports = runs("exports") ? await measureExports(base, LARGE_SLUG, app.child.pid!, log) : [];
    for (const q of breakdown) log(`[bench]   sql: ${q.label}: ${ms(q.median)} ms, ${q.rows} rows`);
    // 6. Seminar rooms following the spotlight, and the matrix painted in a real browser — both on
    //    the demo as seeded, before the write load adds a thousand quotes to its claims.
    const follow = runs("follow") ? await measureFollow(base, database.url, cpu) : undefined;
    let paint: PaintResult[] | Failed | undefined;
    if (runs("paint")) {
      log(`[bench] first matrix paint in Chromium (/w/${DEMO_SLUG}/matrix)`);
      paint = await measurePaint(base, `/w/${DEMO_SLUG}/matrix`, PAINT_LOADS, log).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
    }

    // 7. Concurrent writes, then realtime fan-out (both on the demo workspace).
    const realtime = runs("writes") ? await measureWrites(base, database.url, cpu) : undefined;

    if (ONLY.size > 0 || !realtime || !follow || !paint) {
      log(`[bench] partial run (--only=${[...ONLY].join(",")}): ${path.relative(ROOT, RESULTS)} left as it is`);
      return;
    }
    const text = report({
      started,
      postgres,
      generation,
      healthMs,
      port,
      measurements,
      breakdown,
      totalS: (performance.now() - t0) / 1000,
      load: { before: loadBefore, after: loadAfter },
      ...realtime,
      follow,
      paint,
      fileLimit,
      exports,
    });
    fs.writeFileSync(RESULTS, text);
    log(`[bench] wrote ${path.relative(ROOT, RESULTS)}`);
  } finally {
    await cleanup();
    clearTimeout(overall);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("[bench] failed:", error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
