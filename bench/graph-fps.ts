/**
 * `npx tsx bench/graph-fps.ts`: how smoothly the argument graph pans at about 1,000 nodes, in a
 * real browser against a production build.
 *
 * 1. builds the app if the build is stale;
 * 2. starts a fresh embedded PostgreSQL in `.data/bench-graph` (wiped first), migrates, seeds the
 *    demo, and writes the workspace `bench-graph`: 20 authors, 100 claims, 900 passages each
 *    backing one claim, 60 claim links — 1,000 nodes, the most the graph draws one passage at a
 *    time (deterministic: the same map on every run);
 * 3. starts the app on a free port (from 3400) against that database;
 * 4. opens `/w/bench-graph/graph` in Chromium (CHROMIUM_PATH, else /usr/bin/chromium, else
 *    Playwright's own) at 1280 × 800, waits for the layout, then drags the canvas back and forth
 *    with real mouse events, one step per ~16 ms, for PAN_SECONDS (default 5), at "fit view" —
 *    every node on screen — and again zoomed in; frames are counted with requestAnimationFrame;
 * 5. prints frames per second, the 95th-percentile frame time and the layout time, and stops
 *    the app and the database (also on error or Ctrl-C).
 *
 * With GRAPH_FPS_LARGE=1 it also generates the synthetic large workspace (bench/generate-large.ts,
 * a minute or more) and pans its graph, which shows the 1,000 claims and their links only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { seedWorkspace, type TWorkspaceDefinition } from "../lib/db/seed/seed-workspace";
import { buildIfStale } from "../scripts/build-if-stale";
import { generateLargeWorkspace } from "./generate-large";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data", "bench-graph");
const HOST = "127.0.0.1";
const SLUG = "bench-graph";
const PAN_SECONDS = Number(process.env.PAN_SECONDS ?? 5);
const SHAPE = { authors: 20, claims: 100, passagesPerAuthor: 45, links: 60 } as const;

const log = (message: string) => console.log(`[graph-fps] ${message}`);

// ---------------------------------------------------------------- the workspace

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "the regional organisation security cooperation members summit declaration power influence trade energy border china russia india central asia analysts argue that its record remains limited growing uneven formal practical agenda framework".split(" ");

/** A workspace of exactly 1,000 graph nodes: 100 claims and 900 passages, each cited once. */
function definition(): TWorkspaceDefinition {
  const random = prng(1000);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const sentence = (n: number) => {
    const words = Array.from({ length: 10 + Math.floor(random() * 14) }, () => pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    // The number makes every sentence unique, so each quote anchors in one place.
    return `${words.join(" ")} (point ${n}).`;
  };
  const claims = Array.from({ length: SHAPE.claims }, (_, i) => ({ key: `c${i}`, text: `Claim ${i + 1}: ${sentence(10_000 + i).replace(/ \(point \d+\)\.$/, ".")}` }));
  const sources: TWorkspaceDefinition["sources"] = [];
  const evidence: TWorkspaceDefinition["evidence"] = [];
  for (let a = 0; a < SHAPE.authors; a++) {
    const quotes = Array.from({ length: SHAPE.passagesPerAuthor }, (_, i) => sentence(a * 1000 + i));
    const filler = Array.from({ length: SHAPE.passagesPerAuthor }, (_, i) => sentence(500_000 + a * 1000 + i));
    const text = quotes.map((q, i) => `${q} ${filler[i]}`).join("\n\n");
    sources.push({ key: `s${a}`, title: `Source ${a + 1}`, author: { name: `Author ${a + 1}`, shortName: `A${a + 1}` }, published: `${2000 + a}-0${1 + (a % 9)}`, text });
    for (const exact of quotes) {
      const r = random();
      evidence.push({ source: `s${a}`, exact, claim: `c${Math.floor(random() * SHAPE.claims)}`, stance: r < 0.45 ? "SUPPORTS" : r < 0.8 ? "OPPOSES" : "QUALIFIES", voice: random() < 0.85 ? "AUTHOR" : "REPORTED" });
    }
  }
  const links: NonNullable<TWorkspaceDefinition["links"]> = [];
  const seen = new Set<string>();
  while (links.length < SHAPE.links) {
    const from = Math.floor(random() * SHAPE.claims);
    const to = Math.floor(random() * SHAPE.claims);
    if (from === to || seen.has(`${from}:${to}`) || seen.has(`${to}:${from}`)) continue;
    seen.add(`${from}:${to}`);
    links.push({ from: `c${from}`, to: `c${to}`, relation: random() < 0.6 ? "SUPPORTS" : "OPPOSES" });
  }
  return { workspace: { slug: SLUG, title: "Benchmark: a graph of 1,000 nodes", visibility: "PUBLIC" }, sources, claims, links, evidence };
}

// ---------------------------------------------------------------- the app

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, HOST, () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred}`);
}

function startApp(databaseUrl: string, port: number): { child: ChildProcess; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), HOST, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, stop };
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (code ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy within 120 s");
}

// ---------------------------------------------------------------- measuring

interface TPanResult {
  nodes: number;
  zoom: number;
  fps: number;
  p95FrameMs: number;
  longestFrameMs: number;
  panned: boolean;
}

/** Drags the canvas back and forth for `seconds` and counts the frames the page paints meanwhile. */
async function pan(page: Page, seconds: number): Promise<TPanResult> {
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  const before = await page.locator(".react-flow__viewport").getAttribute("style");
  // Page scripts as text: tsx would wrap inline functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => {
      if (!window.__counting) return;
      window.__frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => Object.fromEntries(((await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
  const m0 = await metrics();
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < seconds * 1000) {
    // A slow sweep left and right, a little up and down: 16 ms a step, ~60 events a second.
    const phase = (step++ % 120) / 120;
    const dx = Math.sin(phase * 2 * Math.PI) * box.width * 0.3;
    const dy = Math.cos(phase * 2 * Math.PI) * box.height * 0.15;
    await page.mouse.move(x0 + dx, y0 + dy);
    await new Promise((r) => setTimeout(r, 16));
  }
  await page.mouse.up();
  const frames = (await page.evaluate(`(() => { window.__counting = false; return window.__frames; })()`)) as number[];
  const m1 = await metrics();
  const busy = (name: string) => Math.round((m1[name] - m0[name]) * 1000);
  log(`  load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; main thread during the pan: tasks ${busy("TaskDuration")} ms, script ${busy("ScriptDuration")} ms, style ${busy("RecalcStyleDuration")} ms, layout ${busy("LayoutDuration")} ms`);
  const after = await page.locator(".react-flow__viewport").getAttribute("style");
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const zoom = Number(/scale\(([\d.]+)\)/.exec(after ?? "")?.[1] ?? NaN);
  return {
    nodes: await page.locator(".react-flow__node").count(),
    zoom,
    fps: (frames.length - 1) / ((frames.at(-1)! - frames[0]) / 1000),
    p95FrameMs: gaps[Math.max(0, Math.ceil(gaps.length * 0.95) - 1)] ?? NaN,
    longestFrameMs: gaps.at(-1) ?? NaN,
    panned: before !== after,
  };
}

function describe(r: TPanResult): string {
  return `${r.fps.toFixed(1)} fps, p95 frame ${r.p95FrameMs.toFixed(1)} ms, longest ${r.longestFrameMs.toFixed(0)} ms${r.panned ? "" : " — THE VIEW DID NOT MOVE"}`;
}

async function measureGraph(base: string, slug: string, label: string) {
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({ executablePath, args: executablePath ? ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] : [] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const opened = Date.now();
    await page.goto(`${base}/w/${slug}/graph`);
    await page.getByTestId("graph-canvas").and(page.locator('[data-layout="done"]')).waitFor({ timeout: 120_000 });
    const layoutMs = Date.now() - opened;
    const detail = await page.getByTestId("graph-scope").getAttribute("data-detail");
    log(`${label}: ${await page.locator(".react-flow__node").count()} nodes drawn (${detail} detail), page to laid-out graph in ${layoutMs} ms`);
    const fit = await pan(page, PAN_SECONDS);
    log(`${label}, fit view (zoom ${fit.zoom.toFixed(2)}, all ${fit.nodes} nodes on screen): ${describe(fit)}`);
    // Then closer: still too far to read (nodes drawn as blocks), and close enough to read.
    for (const clicks of [4, 6]) {
      for (let i = 0; i < clicks; i++) await page.getByRole("button", { name: /zoom in/i }).click();
      const tracing = clicks === 6 && process.env.GRAPH_FPS_TRACE;
      if (tracing) await browser.startTracing(page, { path: process.env.GRAPH_FPS_TRACE, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.invalidationTracking"] });
      const near = await pan(page, PAN_SECONDS);
      if (tracing) await browser.stopTracing();
      log(`${label}, zoomed in (zoom ${near.zoom.toFixed(2)}): ${describe(near)}`);
    }
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  process.chdir(ROOT);
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => console.error("[graph-fps] cleanup:", error));
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(1)));
  try {
    buildIfStale(ROOT);
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
    process.env.STANCEMAP_DATA_DIR = DATA_DIR;
    process.env.STANCEMAP_PG_PORT ??= "54349";
    delete process.env.DATABASE_URL;
    const database = await prepareDatabase({ log: () => {} });
    cleanups.push(() => database.stop());

    const prisma = createPrismaClient(database.url);
    const started = Date.now();
    await seedWorkspace(prisma, definition());
    await prisma.$disconnect();
    log(`wrote '${SLUG}' in ${Date.now() - started} ms`);
    if (process.env.GRAPH_FPS_LARGE === "1") {
      log("generating the large synthetic workspace 'bench-large'");
      await generateLargeWorkspace(database.url, { slug: "bench-large" });
    }

    const port = await freePort(3400);
    const app = startApp(database.url, port);
    cleanups.push(() => app.stop());
    const base = `http://${HOST}:${port}`;
    await waitForHealth(base, app.child);
    log(`app ready on ${base}`);

    await measureGraph(base, SLUG, SLUG);
    if (process.env.GRAPH_FPS_LARGE === "1") await measureGraph(base, "bench-large", "bench-large");
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error("[graph-fps] failed:", error);
  process.exit(1);
});
