/**
 * First matrix paint in a real browser: Chromium opens the demo's matrix page cold (a new browser
 * context each time: no HTTP cache, no cookies) and reports, from the page's own performance
 * entries, when the first byte arrived, when the first content was painted, and when the matrix
 * itself was painted (Element Timing on the matrix's header cell, `elementtiming="matrix"`).
 *
 * Two profiles: a laptop (1280 × 800) and a phone (375 × 812, CPU slowed 4× through the DevTools
 * protocol, as a mid-range phone is against this machine). The budget judges the laptop.
 */
import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { percentile } from "./http-load";

export const PAINT_BUDGET_MS = 1_000;

export interface PaintProfile {
  label: string;
  viewport: { width: number; height: number };
  /** Chromium's CPU slow-down factor (1 = none). */
  cpuSlowdown: number;
}

export const PAINT_PROFILES: PaintProfile[] = [
  { label: "laptop (1280 × 800)", viewport: { width: 1280, height: 800 }, cpuSlowdown: 1 },
  { label: "phone (375 × 812, CPU 4× slower)", viewport: { width: 375, height: 812 }, cpuSlowdown: 4 },
];

export interface PaintResult {
  profile: PaintProfile;
  path: string;
  loads: number;
  /** Per measure, p50 / p95 / max in ms from the navigation's start. */
  ttfb: TStats;
  fcp: TStats;
  matrix: TStats;
  /** Loads in which the matrix's paint was not reported (should be 0). */
  missing: number;
}

export interface TStats {
  p50: number;
  p95: number;
  max: number;
}

interface TEntries {
  ttfb: number;
  fcp: number | null;
  matrix: number | null;
}

function stats(values: number[]): TStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return chromium.launch({ executablePath, args: executablePath ? ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] : [] });
}

/** One cold load: the page's own timings, read once the matrix has been painted (or 10 s passed). */
async function loadOnce(browser: Browser, url: string, profile: PaintProfile): Promise<TEntries> {
  const context = await browser.newContext({ viewport: profile.viewport });
  try {
    const page = await context.newPage();
    if (profile.cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
    }
    // Element Timing entries are only kept for observers registered before they happen.
    await page.addInitScript(() => {
      const seen: { name: string; time: number }[] = [];
      (window as unknown as { __paints: typeof seen }).__paints = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push({ name: (entry as PerformanceEntry & { identifier?: string }).identifier ?? entry.name, time: (entry as PerformanceEntry & { renderTime?: number }).renderTime || entry.startTime });
      }).observe({ type: "element", buffered: true });
    });
    await page.goto(url, { waitUntil: "load" });
    await page
      .waitForFunction(() => (window as unknown as { __paints: { name: string }[] }).__paints.some((p) => p.name === "matrix"), undefined, { timeout: 10_000 })
      .catch(() => {});
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      const matrix = (window as unknown as { __paints: { name: string; time: number }[] }).__paints.find((p) => p.name === "matrix")?.time ?? null;
      return { ttfb: navigation.responseStart, fcp, matrix };
    });
  } finally {
    await context.close();
  }
}

/** `loads` cold loads of `path` per profile, after two warm-up loads (the server's first renders). */
export async function measurePaint(base: string, path: string, loads: number, log: (m: string) => void = () => {}): Promise<PaintResult[]> {
  const browser = await launch();
  try {
    const results: PaintResult[] = [];
    for (const profile of PAINT_PROFILES) {
      for (let i = 0; i < 2; i++) await loadOnce(browser, base + path, profile);
      const entries: TEntries[] = [];
      for (let i = 0; i < loads; i++) entries.push(await loadOnce(browser, base + path, profile));
      const painted = entries.filter((e) => e.matrix !== null);
      const result: PaintResult = {
        profile,
        path,
        loads,
        ttfb: stats(entries.map((e) => e.ttfb)),
        fcp: stats(entries.filter((e) => e.fcp !== null).map((e) => e.fcp!)),
        matrix: stats(painted.map((e) => e.matrix!)),
        missing: entries.length - painted.length,
      };
      log(`[bench]   ${profile.label}: first byte p50 ${result.ttfb.p50.toFixed(0)} ms, first paint p50 ${result.fcp.p50.toFixed(0)} ms, matrix painted p50 ${result.matrix.p50.toFixed(0)} ms (p95 ${result.matrix.p95.toFixed(0)}, max ${result.matrix.max.toFixed(0)})${result.missing ? `, ${result.missing} loads without the matrix's paint` : ""}`);
      results.push(result);
    }
    return results;
  } finally {
    await browser.close();
  }
}

export function paintVerdict(result: PaintResult): string {
  if (result.missing > 0 || !Number.isFinite(result.matrix.p50)) return `NOT MEASURED (${result.missing} of ${result.loads} loads reported no matrix paint)`;
  return result.matrix.p50 <= PAINT_BUDGET_MS ? "PASS" : `FAIL (p50 ${result.matrix.p50.toFixed(0)} ms > ${PAINT_BUDGET_MS})`;
}
