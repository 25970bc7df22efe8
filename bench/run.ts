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
 * 4b. side by side with Argdown: the graph SVG of the demo, 200 × 4 and 1,000 × 5 maps from the
 *    app and from `@argdown/node` in this process, in the same run (bench/peer-phase.ts);
 *
 * `npm run bench -- --only=search` (or `--only=matrix`, `--only=exports`, `--only=scaling`, `--only=peer`, `--only=writes`,
 * `--only=follow`, `--only=paint`, `--only=anchoring`, comma-separated) runs just those
 * measurements and prints them (anchoring alone needs no build and no app); a partial run
 * leaves bench/RESULTS.md as it is.
 *
 * The measurement groups live beside this file, each with its verdicts and its part of the report:
 * page-requests.ts (matrix, search), export-load.ts (exports), scaling-phase.ts (scaling: the
 * same reads and exports at 250, 500 and 1,000 claims), peer-phase.ts (peer), follow-phase.ts (follow),
 * paint-phase.ts (paint), write-phase.ts (writes), anchoring-phase.ts (anchoring: the pure
 * anchoring functions over the large workspace's texts, in this process); report.ts writes RESULTS.md, settings.ts holds
 * the budgets and BENCH_* settings, environment.ts and app-process.ts prepare the machine and
 * the app.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/db/prepare";
import { measureAnchoring, type TAnchoringResult } from "./anchoring-phase";
import { buildIfStale } from "../scripts/build-if-stale";
import { startApp, waitForHealth } from "./app-process";
import { ensureOpenFileLimit, freePort, postgresVersion, wipeDataDir } from "./environment";
import { measureExports } from "./export-load";
import { measureFollow } from "./follow-phase";
import { measurePeer } from "./peer-phase";
import { generateLargeWorkspace } from "./generate-large";
import { TARGETS, measure, queryBreakdown, verdict, type Measurement } from "./page-requests";
import { measureFirstPaint } from "./paint-phase";
import { CpuMeter, postmasterPid } from "./proc-cpu";
import { report } from "./report";
import { DATA_DIR, GROUPS, HOST, LARGE_SLUG, ONLY, PREFERRED_PORT, PROFILE_DIR, RESULTS, ROOT, SSE_SUBSCRIBERS, TOTAL_TIMEOUT_MS, log, needsApp, runs } from "./settings";
import { ms, type Failed } from "./stats";
import { measureWrites } from "./write-phase";
import { measureScaling } from "./scaling-phase";
import type { PaintResult } from "./browser-paint";
import { summariseProfile, type TProfile } from "./profile-summary";

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
    if (needsApp()) buildIfStale(ROOT);

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

    // Anchoring is pure: measured in this process, before the app takes the CPU.
    const anchoring: TAnchoringResult | undefined = runs("anchoring") ? await measureAnchoring(database.url, log) : undefined;
    if (!needsApp()) {
      log(`[bench] partial run (--only=${[...ONLY].join(",")}): ${path.relative(ROOT, RESULTS)} left as it is`);
      return;
    }

    // 4. The app, against that database, loopback only.
    const port = await freePort(PREFERRED_PORT);
    if (port !== PREFERRED_PORT) log(`[bench] port ${PREFERRED_PORT} is taken; using ${port}`);
    log(`[bench] starting the app on http://${HOST}:${port}`);
    const profileDir = PROFILE_DIR;
    if (profileDir) {
      fs.rmSync(profileDir, { recursive: true, force: true });
      // Runs after the app has stopped (cleanups run in reverse), when its processes wrote their profiles.
      cleanups.push(async () => {
        for (const file of fs.existsSync(profileDir) ? fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")) : []) {
          const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), "utf8")) as TProfile;
          log(`[bench] app CPU profile ${path.relative(ROOT, path.join(profileDir, file))}\n${summariseProfile(profile, ROOT)}`);
        }
      });
    }
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
    const scaling = runs("scaling") ? await measureScaling(base, database.url, app.child.pid!) : undefined;
    for (const q of breakdown) log(`[bench]   sql: ${q.label}: ${ms(q.median)} ms, ${q.rows} rows`);
    const peer = runs("peer") ? await measurePeer(base, database.url, () => os.loadavg()[0]) : undefined;
    // 6. Seminar rooms following the spotlight, and the matrix painted in a real browser — both on
    //    the demo as seeded, before the write load adds a thousand quotes to its claims.
    const follow = runs("follow") ? await measureFollow(base, database.url, cpu) : undefined;
    let paint: PaintResult[] | Failed | undefined;
    if (runs("paint")) {
      paint = await measureFirstPaint(base);
    }

    // 7. Concurrent writes, then realtime fan-out (both on the demo workspace).
    const realtime = runs("writes") ? await measureWrites(base, database.url, cpu) : undefined;

    if (ONLY.size > 0 || PROFILE_DIR || !realtime || !follow || !paint || !anchoring || !scaling || !peer) {
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
      peer,
      anchoring,
      scaling,
    });
    fs.writeFileSync(RESULTS, text);
    log(`[bench] wrote ${path.relative(ROOT, RESULTS)}`);
  } finally {
    await cleanup();
    clearTimeout(overall);
  }
}

const USAGE = `npm run bench [-- --only=<group>[,<group>…]] [--profile]

Measures the budgets of DESIGN.md against a production build on a fresh database and writes
bench/RESULTS.md (a run with --only prints its measurements and leaves the file as it is).
--profile runs the app under V8's CPU profiler and prints where its time went (self time by
function and by file) after it stops; the file is left as it is.
Groups: ${GROUPS.join(", ")}.
Settings (environment): BENCH_PORT, BENCH_SAMPLES, BENCH_TIMEOUT_S, BENCH_WRITE_CLIENTS,
BENCH_WRITE_SECONDS, BENCH_SSE_SUBSCRIBERS, BENCH_SSE_EDITS, BENCH_FOLLOWERS, BENCH_PAINT_LOADS.`;

if (process.argv.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error("[bench] failed:", error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
