/** The `paint` group: the demo's matrix painted cold in Chromium (bench/browser-paint.ts), and its section of RESULTS.md. */
import { PAINT_BUDGET_MS, measurePaint, paintVerdict, type PaintResult } from "./browser-paint";
import { DEMO_SLUG, PAINT_LOADS, log } from "./settings";
import { ms, type Failed } from "./stats";

/** Cold loads of the demo's matrix, per profile; an error is reported, not thrown. */
export async function measureFirstPaint(base: string): Promise<PaintResult[] | Failed> {
  log(`[bench] first matrix paint in Chromium (/w/${DEMO_SLUG}/matrix)`);
  return measurePaint(base, `/w/${DEMO_SLUG}/matrix`, PAINT_LOADS, log).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
}

/** The "First matrix paint in a real browser" section of RESULTS.md. */
export function paintSection(paint: PaintResult[] | Failed): string[] {
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
