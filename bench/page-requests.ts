/**
 * The `matrix` and `search` groups: pages and API answers timed one request at a time, judged by
 * their p50 / p95 budgets, and where the large matrix spends its database time.
 */
import pg from "pg";
import { CpuMeter } from "./proc-cpu";
import { DEMO_SLUG, LARGE_SLUG, REQUEST_TIMEOUT_MS, SAMPLES, WARMUP } from "./settings";
import { ms, percentile } from "./stats";

export interface Target {
  label: string;
  path: string;
  /** When given, the requests cycle through these paths (`path` names them in the report). */
  paths?: string[];
  /** Budget for p50 in ms, or null where DESIGN.md sets none (reported for reference). */
  budgetP50: number | null;
  /** Budget for p95 in ms, where DESIGN.md sets one. */
  budgetP95?: number;
  /** Largest answer allowed (bytes), where a budget sets one. */
  maxBytes?: number;
  budgetText: string;
  /** Which `--only` group runs it. */
  group: "matrix" | "search";
}

export interface Measurement extends Target {
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
export const SEARCH_QUERIES = ["regional security", '"energy pipeline"', "sovereignty -china", "consensus or rivalry", "secruity", "Petrov", "Eurasian Integration"];
const searchPath = (slug: string, q: string) => `/api/workspaces/${slug}/search?${new URLSearchParams({ q })}`;

export const TARGETS: Target[] = [
  { label: "matrix page, server render — demo (sco-debate)", path: `/w/${DEMO_SLUG}/matrix`, budgetP50: 30, budgetText: "p50 ≤ 30 ms", group: "matrix" },
  { label: "matrix page, server render — large (bench-large)", path: `/w/${LARGE_SLUG}/matrix`, budgetP50: 150, maxBytes: 1024 * 1024, budgetText: "p50 ≤ 150 ms, HTML < 1 MB", group: "matrix" },
  { label: "matrix JSON API — demo (sco-debate)", path: `/api/workspaces/${DEMO_SLUG}/matrix`, budgetP50: null, budgetText: "none (reference)", group: "matrix" },
  { label: "matrix JSON API, first page — large (bench-large)", path: `/api/workspaces/${LARGE_SLUG}/matrix`, budgetP50: 100, budgetText: "≤ 100 ms", group: "matrix" },
  { label: "matrix JSON API, limit=all — large (bench-large)", path: `/api/workspaces/${LARGE_SLUG}/matrix?limit=all`, budgetP50: null, budgetText: "none (reference)", group: "matrix" },
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

async function timedGet(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), headers: { accept: "text/html,application/json" } });
  const body = await res.arrayBuffer(); // the whole body, as a browser would wait for it
  return { ms: performance.now() - started, status: res.status, bytes: body.byteLength };
}

export async function measure(base: string, target: Target, cpu?: CpuMeter): Promise<Measurement> {
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

export function allOk(m: Measurement): boolean {
  return !m.error && Object.keys(m.statuses).length === 1 && m.statuses[200] === m.samples.length && m.samples.length > 0;
}

export function verdict(m: Measurement): string {
  if (!allOk(m)) {
    const got = Object.entries(m.statuses).map(([status, n]) => `HTTP ${status} ×${n}`).join(", ");
    return `NOT MEASURED (${m.error ? `error: ${m.error}` : `got ${got || "no answer"}`})`;
  }
  if (m.maxBytes !== undefined && m.bytes >= m.maxBytes) return `FAIL (${(m.bytes / 1024).toFixed(0)} KiB)`;
  if (m.budgetP95 !== undefined) return m.p95 <= m.budgetP95 ? "PASS" : "FAIL";
  if (m.budgetP50 === null) return "—";
  return m.p50 <= m.budgetP50 ? "PASS" : "FAIL";
}

/**
 * Where the time of the large matrix goes: the queries getMatrix() sends, run directly with
 * `pg` (no Prisma, no rendering), 10 times each after one warm-up; the median is reported.
 */
export async function queryBreakdown(url: string, slug: string): Promise<{ label: string; median: number; rows: number }[]> {
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

/** The "Measured" section of RESULTS.md: one row per page or API answer timed. */
export function measuredSection(measurements: Measurement[]): string[] {
  const lines: string[] = [];
  lines.push("## Measured", "");
  lines.push("| what | path | budget | p50 ms | p95 ms | max ms | response | result |");
  lines.push("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
  for (const m of measurements) {
    const ok = allOk(m);
    const size = m.bytes ? `${(m.bytes / 1024).toFixed(0)} KiB${m.scriptBytes !== undefined ? ` (${Math.round((100 * m.scriptBytes) / m.bytes)} % in <script>)` : ""}` : "—";
    lines.push(`| ${m.label} | \`${m.path}\` | ${m.budgetText} | ${ok ? ms(m.p50) : "—"} | ${ok ? ms(m.p95) : "—"} | ${ok ? ms(m.max) : "—"} | ${size} | ${verdict(m)} |`);
  }
  const withCpu = measurements.filter((m) => allOk(m) && m.cpuPerRequest);
  if (withCpu.length) {
    lines.push("");
    lines.push("CPU time per request over the timed requests (app process group and PostgreSQL), which other load on the machine inflates less than latency:");
    for (const m of withCpu) lines.push(`- ${m.label}: app ${ms(m.cpuPerRequest!.app)} ms, PostgreSQL ${ms(m.cpuPerRequest!.postgres)} ms`);
  }
  const failedRequests = measurements.filter((m) => !allOk(m));
  if (failedRequests.length) {
    lines.push("");
    lines.push("Rows marked NOT MEASURED did not answer 200 to every request, so their timings would not measure the feature:");
    for (const m of failedRequests) {
      const got = Object.entries(m.statuses).map(([status, n]) => `HTTP ${status} ×${n}`).join(", ");
      lines.push(`- \`${m.path}\`: ${got || "no answer"}${m.error ? `; ${m.error}` : ""}${m.samples.length ? ` (timings of those answers: p50 ${ms(m.p50)} ms, max ${ms(m.max)} ms)` : ""}`);
    }
  }
  lines.push("");
  return lines;
}

/** Where the large matrix spends its database time (when the matrix group ran). */
export function breakdownSection(breakdown: { label: string; median: number; rows: number }[]): string[] {
  const lines: string[] = [];
  if (breakdown.length) {
    lines.push("### Where the large matrix spends its database time", "");
    lines.push("The queries of `getMatrix()` (lib/server/workspaces/get-matrix.ts) for `bench-large`, sent directly with `pg`; median of 10.", "");
    lines.push("| query | rows | median ms |");
    lines.push("| --- | ---: | ---: |");
    for (const q of breakdown) lines.push(`| ${q.label} | ${q.rows.toLocaleString("en")} | ${ms(q.median)} |`);
    lines.push("");
  }
  return lines;
}
