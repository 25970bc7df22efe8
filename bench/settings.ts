/**
 * The bench's settings: where it runs, how many samples it takes, the budgets of DESIGN.md it
 * judges by, and which measurement groups `--only=` selects. BENCH_* environment variables change
 * most of them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = path.join(ROOT, ".data", "bench");
export const RESULTS = path.join(ROOT, "bench", "RESULTS.md");
export const HOST = "127.0.0.1";
export const PREFERRED_PORT = Number(process.env.BENCH_PORT ?? 3399);
export const WARMUP = 5;
export const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
export const REQUEST_TIMEOUT_MS = 30_000;
export const TOTAL_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;
export const LARGE_SLUG = "bench-large";
export const DEMO_SLUG = "sco-debate";
export const WRITE_CLIENTS = Number(process.env.BENCH_WRITE_CLIENTS ?? 32);
export const WRITE_WARMUP_MS = 2_000;
export const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
export const SSE_SUBSCRIBERS = Number(process.env.BENCH_SSE_SUBSCRIBERS ?? 500);
export const SSE_EDITS = Number(process.env.BENCH_SSE_EDITS ?? 20);
export const SSE_SPACING_MS = 250;
/** Budgets of DESIGN.md for the two concurrent measurements. */
export const WRITE_BUDGET = { perSecond: 400, p99: 50 };
/** The open-loop write phase: evidence offered at this fixed rate; its p99 is held to WRITE_BUDGET.p99. */
export const OPEN_LOOP_RATE = Number(process.env.BENCH_OPEN_LOOP_RATE ?? 200);
export const OPEN_LOOP_SECONDS = Number(process.env.BENCH_OPEN_LOOP_SECONDS ?? 10);
export const SSE_BUDGET_P95 = 200;
/** Seminar rooms measured (followers per round) and how the facilitator steers in each. */
export const FOLLOWERS = (process.env.BENCH_FOLLOWERS ?? "5,40").split(",").map(Number).filter((n) => n > 0);
export const FOLLOW_STEERS = 10;
export const FOLLOW_PAUSE_MS = 500;
export const FOLLOW_TIMEOUT_MS = 15_000;
/** The seminar requirement: every follower on the spotlighted claim within 2 s of the click. */
export const FOLLOW_BUDGET_MS = 2_000;

/** `--only=search,matrix,writes`: the measurement groups to run (all when absent). */
export const ONLY = new Set(
  process.argv
    .filter((arg) => arg.startsWith("--only="))
    .flatMap((arg) => arg.slice("--only=".length).split(","))
    .filter(Boolean),
);
/**
 * `--profile`: the app runs with V8's CPU profiler (`--cpu-prof`, one profile per process, written
 * here when it stops) and the run ends with each profile summarised. Profiling slows the app, so
 * such a run leaves bench/RESULTS.md as it is.
 */
export const PROFILE_DIR = process.argv.includes("--profile") ? path.join(DATA_DIR, "profile") : null;
/** The measurement groups, in the order a run measures them. */
export const GROUPS = ["matrix", "search", "exports", "scaling", "peer", "follow", "paint", "writes", "anchoring"] as const;
export const runs = (group: (typeof GROUPS)[number]) => ONLY.size === 0 || ONLY.has(group);
/** Whether any selected group talks to the app (the anchoring group runs in the bench process). */
export const needsApp = () => GROUPS.some((group) => group !== "anchoring" && runs(group));

/** Cold loads of the demo's matrix in Chromium, per profile. */
export const PAINT_LOADS = Number(process.env.BENCH_PAINT_LOADS ?? 10);

export const log = (message: string) => console.log(message);
