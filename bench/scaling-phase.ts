/**
 * The `scaling` group: how the cost of the large map's reads grows with its size. The same kind of
 * map (bench/generate-large.ts) at 250, 500 and 1,000 claims — every count scaled with the claims,
 * text and authors included — read through the matrix page, the matrix JSON API (its default
 * page, and `limit=all`), search and each export; the table sets each cost beside the others and
 * flags a growth from 250 to 1,000 claims beyond linear (4×).
 */
import { generateLargeWorkspace, LARGE_SHAPE, type TLargeShape } from "./generate-large";
import { measureExports } from "./export-load";
import { SEARCH_QUERIES } from "./page-requests";
import { LARGE_SLUG, REQUEST_TIMEOUT_MS, log } from "./settings";
import { ms } from "./stats";

export const SCALING_SIZES = [250, 500, 1000] as const;
/** Timed requests per read and size (after two untimed): the median is reported. */
const SCALING_SAMPLES = 9;
/** Growth from 250 to 1,000 claims beyond this is flagged (4× is linear; a tenth for noise). */
const BEYOND_LINEAR = 4.4;

export interface TScalingRow {
  label: string;
  /** Median ms per size, in SCALING_SIZES order (null: not measured). */
  ms: (number | null)[];
  /** Bytes of the answer at each size. */
  bytes: (number | null)[];
}

export interface TScalingResult {
  rows: TScalingRow[];
  /** The maps measured: slug and counts per size. */
  maps: { claims: number; slug: string; excerpts: number; evidence: number; sources: number }[];
  generationMs: number;
}

function shapeFor(claims: number): TLargeShape {
  const f = claims / LARGE_SHAPE.claims;
  const scaled = Object.fromEntries(Object.entries(LARGE_SHAPE).map(([k, v]) => [k, Math.max(1, Math.round(v * f))])) as TLargeShape;
  // Each author keeps four sources of the same length: more claims, more authors and text.
  return { ...scaled, sourcesPerAuthor: LARGE_SHAPE.sourcesPerAuthor, sourceChars: LARGE_SHAPE.sourceChars, commenters: LARGE_SHAPE.commenters };
}

async function median(urls: string[]): Promise<{ ms: number; bytes: number } | null> {
  const get = async (url: string) => {
    const t0 = performance.now();
    const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${url}`);
    return { ms: performance.now() - t0, bytes: body.byteLength };
  };
  try {
    for (let i = 0; i < 2; i++) await get(urls[i % urls.length]);
    const samples = [];
    for (let i = 0; i < SCALING_SAMPLES; i++) samples.push(await get(urls[i % urls.length]));
    samples.sort((a, b) => a.ms - b.ms);
    return samples[Math.floor(samples.length / 2)];
  } catch (error) {
    log(`[bench]   ${(error as Error).message}`);
    return null;
  }
}

/** Generates the smaller maps (the 1,000-claim one is the large workspace) and measures each size. */
export async function measureScaling(base: string, databaseUrl: string, appPid: number): Promise<TScalingResult> {
  const t0 = performance.now();
  const maps: TScalingResult["maps"] = [];
  for (const claims of SCALING_SIZES) {
    const slug = claims === LARGE_SHAPE.claims ? LARGE_SLUG : `bench-scale-${claims}`;
    const shape = shapeFor(claims);
    await generateLargeWorkspace(databaseUrl, { slug, shape, log });
    maps.push({ claims, slug, excerpts: shape.excerpts, evidence: shape.evidence, sources: shape.authors * shape.sourcesPerAuthor });
  }
  const generationMs = performance.now() - t0;

  const reads: { label: string; urls: (slug: string) => string[] }[] = [
    { label: "matrix page, server render", urls: (s) => [`${base}/w/${s}/matrix`] },
    { label: "matrix JSON API, default page", urls: (s) => [`${base}/api/workspaces/${s}/matrix`] },
    { label: "matrix JSON API, `limit=all`", urls: (s) => [`${base}/api/workspaces/${s}/matrix?limit=all`] },
    { label: "full-text search (7 queries in turn)", urls: (s) => SEARCH_QUERIES.map((q) => `${base}/api/workspaces/${s}/search?q=${encodeURIComponent(q)}`) },
  ];
  const rows: TScalingRow[] = [];
  for (const read of reads) {
    const row: TScalingRow = { label: read.label, ms: [], bytes: [] };
    for (const map of maps) {
      const m = await median(read.urls(map.slug));
      row.ms.push(m?.ms ?? null);
      row.bytes.push(m?.bytes ?? null);
    }
    log(`[bench]   ${read.label}: ${row.ms.map((v, i) => `${SCALING_SIZES[i]} claims ${v === null ? "—" : `${ms(v)} ms`}`).join(", ")}`);
    rows.push(row);
  }
  // Each export once per size (a download of the large map takes a second or more).
  const exportRows = new Map<string, TScalingRow>();
  for (const map of maps) {
    for (const e of await measureExports(base, map.slug, appPid, log)) {
      const row = exportRows.get(e.format) ?? { label: `export \`${e.format}\``, ms: [], bytes: [] };
      row.ms.push(e.status === 200 ? e.ms : null);
      row.bytes.push(e.status === 200 ? e.bytes : null);
      exportRows.set(e.format, row);
    }
  }
  rows.push(...exportRows.values());
  return { rows, maps, generationMs };
}

function growth(row: TScalingRow): number | null {
  const [first, , last] = row.ms;
  return first && last ? last / first : null;
}

/** The "How cost grows with the map" section of RESULTS.md. */
export function scalingSection(r: TScalingResult): string[] {
  const lines = ["## How cost grows with the map", ""];
  lines.push(
    `The large map's kind (bench/generate-large.ts) at ${SCALING_SIZES.join(", ")} claims, every count scaled with the claims (${r.maps.map((m) => `${m.claims.toLocaleString("en")} claims: ${m.sources} sources, ${m.excerpts.toLocaleString("en")} excerpts, ${m.evidence.toLocaleString("en")} evidence links`).join("; ")}); the smaller maps generated in ${(r.generationMs / 1000).toFixed(1)} s. Reads: median of ${SCALING_SAMPLES} requests after 2 untimed; exports: one download each (as in the export table). Linear growth from 250 to 1,000 claims is 4×; beyond ${BEYOND_LINEAR}× is marked.`,
    "",
  );
  lines.push(`| what | ${SCALING_SIZES.map((n) => `${n.toLocaleString("en")} claims`).join(" | ")} | 1,000 ÷ 250 |`);
  lines.push(`| --- | ${SCALING_SIZES.map(() => "---:").join(" | ")} | ---: |`);
  for (const row of r.rows) {
    const g = growth(row);
    const cells = row.ms.map((v, i) => (v === null ? "—" : `${ms(v)} ms (${((row.bytes[i] ?? 0) / 1024).toFixed(0)} KiB)`));
    lines.push(`| ${row.label} | ${cells.join(" | ")} | ${g === null ? "—" : `${g.toFixed(1)}×${g > BEYOND_LINEAR ? " **beyond linear**" : ""}`} |`);
  }
  lines.push("");
  return lines;
}
