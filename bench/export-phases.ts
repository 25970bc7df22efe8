/**
 * Where an export of the large workspace spends its time and memory, in-process (no HTTP):
 *
 * - export: the whole streamed export drained to bytes — wall time, time to the first piece,
 *   CPU of this process and of PostgreSQL, and the rise of this process's peak resident memory;
 * - reads only: the same snapshot reads with every row fetched (through `pg`) and dropped, so the
 *   export's CPU minus this one is what formatting and serialising cost;
 * - database only: each large query's execution time inside PostgreSQL (EXPLAIN ANALYZE);
 * - with `--profile`: the export's JavaScript self-time by function and by file (V8 profiler).
 *
 * `npm run bench:export-phases [-- --only=json,aif --profile]` starts an embedded PostgreSQL in
 * `.data/bench-phases` (kept between runs), seeds the demo, generates `bench-large` once, and
 * measures each format in a child process of its own, so each child's peak memory belongs to one
 * export. CPU figures are less disturbed than wall times by other work on the machine.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CpuMeter, postmasterPid } from "./proc-cpu";
import { summariseProfile, type TProfile } from "./profile-summary";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data", "bench-phases");
const SLUG = "bench-large";
const FORMATS = { json: "format=json", aif: "format=aif", argdown: "format=argdown", csv: "format=csv", "csv-evidence": "format=csv&table=evidence" } as const;
type TFormat = keyof typeof FORMATS;

function peakRssMb(): number {
  const status = fs.readFileSync("/proc/self/status", "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface TCost {
  ms: number;
  appCpuMs: number;
  postgresCpuMs: number;
}

async function measured<T>(cpu: CpuMeter, work: () => Promise<T>): Promise<TCost & { value: T }> {
  // PostgreSQL's CPU is read from /proc (which itself costs this process CPU): outside the window.
  const before = cpu.sample();
  const own = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(own);
  const after = cpu.sample();
  return { value, ms, appCpuMs: (user + system) / 1000, postgresCpuMs: (after.postgres - before.postgres) * 1000 };
}

const costText = (c: TCost) => `${c.ms.toFixed(0)} ms (CPU: this process ${c.appCpuMs.toFixed(0)} ms, PostgreSQL ${c.postgresCpuMs.toFixed(0)} ms)`;

async function child(format: TFormat, profile: boolean): Promise<void> {
  const { db } = await import("../lib/db/client");
  const { readSnapshot } = await import("../lib/db/snapshot");
  const { ZExportQuerySchema } = await import("../lib/schemas/export");
  const { exportWorkspace } = await import("../lib/server/export/export-workspace");
  const { Prisma } = await import("../lib/db/client");
  const { liveSql } = await import("../lib/db/live-rows");
  const { mapCitationsSql, readMapOutline } = await import("../lib/server/workspaces/read-map-outline");
  const { nativeListsSql } = await import("../lib/server/export/stream-native-document");
  const query = ZExportQuerySchema.parse(Object.fromEntries(new URLSearchParams(FORMATS[format])));
  const cpu = new CpuMeter(undefined, postmasterPid(DATA_DIR));
  const encoder = new TextEncoder();

  async function drain(slug: string) {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, title: true, description: true, visibility: true } });
    const started = performance.now();
    let first = 0;
    let bytes = 0;
    const file = await exportWorkspace(workspace, query, "http://stancemap.test", "bench");
    for await (const chunk of file.chunks) {
      first ||= performance.now() - started;
      bytes += typeof chunk === "string" ? encoder.encode(chunk).byteLength : chunk.byteLength;
    }
    return { first, bytes, workspaceId: workspace.id };
  }

  await drain("sco-debate"); // modules, connections, query plans
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = peakRssMb();
  const session = profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const exported = await measured(cpu, () => drain(SLUG));
  const profiled = session ? ((await session.post("Profiler.stop")) as { profile: TProfile }).profile : null;
  const peak = peakRssMb() - baseline;
  const w = [exported.value.workspaceId];

  // The large queries of this format, as the export sends them.
  const big: [string, InstanceType<typeof Prisma.Sql>][] =
    format === "json"
      ? Object.entries(nativeListsSql(w[0]))
      : format === "csv"
        ? [["positions (evidence grouped by claim, author, stance, voice)", Prisma.sql`select e."claimId", s."authorId", e.stance, e.voice, count(*) from ${liveSql.evidence} where e."workspaceId" = ${w[0]}::uuid group by 1, 2, 3, 4`]]
        : [["citations (evidence with quotes, map order)", mapCitationsSql(w[0])]];
  const reads = await measured(cpu, async () => {
    let rows = 0;
    for await (const n of readSnapshot(async function* (snapshot) {
      await readMapOutline(snapshot, w[0], { positions: format === "csv" });
      if (format !== "csv") for (const [, sql] of big) for await (const page of snapshot.pages(sql)) yield page.length;
    }))
      rows += n;
    return rows;
  });
  const server: string[] = [];
  for (const [label, sql] of big) {
    const [plan] = (await db().$queryRaw<{ "QUERY PLAN": { "Execution Time": number }[] }[]>(Prisma.sql`explain (analyze, format json) ${sql}`))[0]["QUERY PLAN"];
    server.push(`${label} ${plan["Execution Time"].toFixed(0)} ms`);
  }

  console.log(`\n${format} (${FORMATS[format]}): ${(exported.value.bytes / 1e6).toFixed(1)} MB`);
  console.log(`  export         ${costText(exported)}; first piece after ${exported.value.first.toFixed(0)} ms; peak memory +${peak.toFixed(0)} MB`);
  console.log(`  reads only     ${costText(reads)}; ${reads.value.toLocaleString("en")} rows of the large queries`);
  console.log(`  formatting ≈   ${(exported.appCpuMs - reads.appCpuMs).toFixed(0)} ms of CPU (export minus reads, this process)`);
  console.log(`  database only  ${server.join("; ")}`);
  if (profiled) console.log(summariseProfile(profiled, ROOT));
  await db().$disconnect();
  process.exit(0);
}

async function main() {
  const childArg = process.argv.find((a) => a.startsWith("--child="));
  const profile = process.argv.includes("--profile");
  if (childArg) return child(childArg.slice("--child=".length) as TFormat, profile);
  process.chdir(ROOT);
  const { prepareDatabase } = await import("../lib/db/prepare");
  const { generateLargeWorkspace } = await import("./generate-large");
  process.env.STANCEMAP_DATA_DIR = DATA_DIR;
  process.env.STANCEMAP_PG_PORT ??= "54349";
  delete process.env.DATABASE_URL;
  const database = await prepareDatabase({ log: () => {} });
  try {
    await generateLargeWorkspace(database.url, { slug: SLUG, log: console.log });
    const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
    for (const format of (Object.keys(FORMATS) as TFormat[]).filter((f) => !only || only.includes(f))) {
      // The export code imports "server-only", which resolves to nothing under the react-server condition (as in Next.js).
      const args = ["--expose-gc", "--conditions=react-server", "--import", "tsx", fileURLToPath(import.meta.url), `--child=${format}`, ...(profile ? ["--profile"] : [])];
      const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
      process.stdout.write(result.stdout);
      if (result.status !== 0) process.stderr.write(result.stderr);
    }
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
