/**
 * The export budget: each of `json`, `aif`, `argdown`, `csv` of the large workspace downloaded
 * over HTTP (and the argument graph's picture, SVG and PNG: the graph page's drawing of the whole
 * map, which for this workspace is its claims and their links, at the 1,000-node limit), timed from request to last byte, while the app process's resident memory is sampled
 * every 20 ms (peak, and the rise over its level just before the request).
 */
import fs from "node:fs";

export const EXPORT_BUDGET = { ms: 2000, memoryMb: 300 };

export const EXPORT_FORMATS_MEASURED = ["json", "aif", "argdown", "csv", "csv&table=evidence", "svg&view=graph", "png&view=graph"] as const;

export interface TExportMeasurement {
  format: string;
  status: number;
  ms: number;
  bytes: number;
  /** Resident memory of the app process before the request, and its peak during it (MB). */
  rssBeforeMb: number;
  rssPeakMb: number;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function measureExports(base: string, slug: string, appPid: number, log: (m: string) => void): Promise<TExportMeasurement[]> {
  const results: TExportMeasurement[] = [];
  for (const format of EXPORT_FORMATS_MEASURED) {
    // Let the previous download's garbage go before reading the baseline.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rssBeforeMb = rssMb(appPid);
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => {
      rssPeakMb = Math.max(rssPeakMb, rssMb(appPid));
    }, 20);
    const t0 = performance.now();
    let bytes = 0;
    let status = 0;
    try {
      const response = await fetch(`${base}/api/workspaces/${slug}/export?format=${format}`);
      status = response.status;
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
    } finally {
      clearInterval(sampler);
    }
    const ms = performance.now() - t0;
    rssPeakMb = Math.max(rssPeakMb, rssMb(appPid));
    results.push({ format, status, ms, bytes, rssBeforeMb, rssPeakMb });
    log(`[bench]   export ${format}: HTTP ${status}, ${(ms / 1000).toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB, app memory ${rssBeforeMb.toFixed(0)} → peak ${rssPeakMb.toFixed(0)} MB`);
  }
  return results;
}

export function exportVerdict(m: TExportMeasurement): string {
  if (m.status !== 200) return `NOT MEASURED (HTTP ${m.status})`;
  const rise = m.rssPeakMb - m.rssBeforeMb;
  return m.ms <= EXPORT_BUDGET.ms && rise <= EXPORT_BUDGET.memoryMb ? "PASS" : "FAIL";
}

/** The "Exports of the large workspace" section of RESULTS.md (when the exports group ran). */
export function exportsSection(exports: TExportMeasurement[], slug: string): string[] {
  const lines: string[] = [];
  if (exports.length) {
    lines.push("## Exports of the large workspace", "");
    lines.push(`Each downloaded once over HTTP (\`GET /api/workspaces/${slug}/export?format=…\`), timed to the last byte; the app process's resident memory sampled every 20 ms. Budget: ≤ ${EXPORT_BUDGET.ms / 1000} s each, memory ≤ ${EXPORT_BUDGET.memoryMb} MB (judged as the rise of the app's resident memory during the download).`, "");
    lines.push("| format | time | size | app memory before → peak | result |");
    lines.push("| --- | ---: | ---: | --- | --- |");
    for (const e of exports) lines.push(`| \`${e.format}\` | ${(e.ms / 1000).toFixed(2)} s | ${(e.bytes / 1e6).toFixed(1)} MB | ${e.rssBeforeMb.toFixed(0)} → ${e.rssPeakMb.toFixed(0)} MB (+${(e.rssPeakMb - e.rssBeforeMb).toFixed(0)}) | ${exportVerdict(e)} |`);
    lines.push("");
  }
  return lines;
}
