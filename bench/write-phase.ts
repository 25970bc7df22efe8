/**
 * The `writes` group: evidence created over HTTP by concurrent clients, then how fast an edit
 * reaches hundreds of event-stream subscribers (bench/http-load.ts runs both), with their verdicts
 * and their section of RESULTS.md.
 */
import os from "node:os";
import { prepareWriters, runFanout, runOpenLoopWrites, runWriteLoad, type FanoutResult, type OpenLoopResult, type WriteLoadResult } from "./http-load";
import { CpuMeter, formatShare, type CpuShare } from "./proc-cpu";
import { DEMO_SLUG, OPEN_LOOP_RATE, OPEN_LOOP_SECONDS, SSE_BUDGET_P95, SSE_EDITS, SSE_SPACING_MS, SSE_SUBSCRIBERS, WRITE_BUDGET, WRITE_CLIENTS, WRITE_SECONDS, WRITE_WARMUP_MS, log } from "./settings";
import { answersText, failed, fmtLoad, ms, sleep, type Failed } from "./stats";

const WRITE_LABEL = `create evidence (excerpt + link) over HTTP, ${WRITE_CLIENTS} concurrent clients`;
const WRITE_BUDGET_TEXT = `≥ ${WRITE_BUDGET.perSecond} writes/s`;
const OPEN_LABEL = `create evidence at a fixed arrival rate of ${OPEN_LOOP_RATE} writes/s (open loop)`;
const OPEN_BUDGET_TEXT = `p99 ≤ ${WRITE_BUDGET.p99} ms`;
const SSE_LABEL = `an edit seen by another browser (SSE), ${SSE_SUBSCRIBERS} subscribers`;
const SSE_BUDGET_TEXT = `p95 ≤ ${SSE_BUDGET_P95} ms`;

export function writeVerdict(r: WriteLoadResult | Failed): string {
  if (failed(r)) return `NOT MEASURED (error: ${r.error})`;
  const total = Object.values(r.answers).reduce((a, b) => a + b, 0);
  const unexpected = total - (r.answers["201"] ?? 0) - (r.answers["409"] ?? 0);
  if (!r.created || unexpected > total * 0.01) return `NOT MEASURED (answers: ${answersText(r.answers) || "none"})`;
  // Closed-loop clients measure capacity; latency is judged at a fixed arrival rate (openLoopVerdict).
  return r.writesPerSecond < WRITE_BUDGET.perSecond ? `FAIL (${r.writesPerSecond.toFixed(0)} writes/s < ${WRITE_BUDGET.perSecond})` : "PASS";
}

export function openLoopVerdict(r: OpenLoopResult | Failed): string {
  if (failed(r)) return `NOT MEASURED (error: ${r.error})`;
  const total = Object.values(r.answers).reduce((a, b) => a + b, 0);
  const unexpected = total - (r.answers["201"] ?? 0) - (r.answers["409"] ?? 0);
  if (!r.created) return `NOT MEASURED (answers: ${answersText(r.answers) || "none"})`;
  const misses = [];
  if (!(r.p99 <= WRITE_BUDGET.p99)) misses.push(`p99 ${ms(r.p99)} ms > ${WRITE_BUDGET.p99}`);
  if (unexpected > total * 0.01) misses.push(`${unexpected} answers other than 201/409`);
  return misses.length ? `FAIL (${misses.join("; ")})` : "PASS";
}

export function fanoutVerdict(r: FanoutResult | Failed): string {
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

function summarizeOpen(r: OpenLoopResult): string {
  return `${r.scheduled} due, ${r.created} created  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  p99 ${ms(r.p99)} ms  max ${ms(r.max)} ms  (at most ${r.peakInFlight} waiting)  [${answersText(r.answers)}]`;
}

function summarizeFanout(r: FanoutResult): string {
  return `${r.delivered}/${r.expected} delivered, ${r.missed} missed  p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  max ${ms(r.max)} ms  (edit POST p50 ${ms(r.editP50)} ms, fan-out spread p50 ${ms(r.spreadP50)} ms)`;
}

export type Loads = { writes: [number[], number[]]; open: [number[], number[]]; fanout: [number[], number[]] };

/** Concurrent evidence writes, then the realtime fan-out, with the load average around each. */
export async function measureWrites(
  base: string,
  databaseUrl: string,
  cpu: CpuMeter,
): Promise<{ writes: WriteLoadResult | Failed; open: OpenLoopResult | Failed; fanout: FanoutResult | Failed; loads: Loads }> {
  const loads: Loads = { writes: [[], []], open: [[], []], fanout: [[], []] };
  const fixture = await prepareWriters(databaseUrl, DEMO_SLUG, Math.max(1, WRITE_CLIENTS)).catch((error: Error) => ({ error: error.message }));
  if (failed(fixture)) {
    const error = { error: `setting up the editors failed: ${fixture.error}` };
    return { writes: error, open: error, fanout: error, loads };
  }
  log(`[bench] create evidence: ${WRITE_CLIENTS} clients, ${WRITE_WARMUP_MS / 1000} s warm-up + ${WRITE_SECONDS} s timed`);
  loads.writes[0] = os.loadavg();
  const writes = await runWriteLoad(base, fixture, { clients: WRITE_CLIENTS, warmupMs: WRITE_WARMUP_MS, durationMs: WRITE_SECONDS * 1000, cpu, log }).catch((error: Error) => ({ error: error.message }));
  loads.writes[1] = os.loadavg();
  log(failed(writes) ? `[bench]   failed: ${writes.error}` : `[bench]   ${summarizeWrites(writes)}  → ${writeVerdict(writes)}`);
  if (!failed(writes) && writes.cpu) log(`[bench]   cpu: ${formatShare(writes.cpu)}; per write: ${cpuPerWrite(writes)}`);

  await sleep(2_000); // let the write burst settle (WAL, autovacuum) before the next phase
  log(`[bench] create evidence, open loop: ${OPEN_LOOP_RATE} writes/s offered, ${WRITE_WARMUP_MS / 1000} s warm-up + ${OPEN_LOOP_SECONDS} s timed`);
  loads.open[0] = os.loadavg();
  const open = await runOpenLoopWrites(base, fixture, { ratePerSecond: OPEN_LOOP_RATE, warmupMs: WRITE_WARMUP_MS, durationMs: OPEN_LOOP_SECONDS * 1000, cpu }).catch((error: Error) => ({ error: error.message }));
  loads.open[1] = os.loadavg();
  log(failed(open) ? `[bench]   failed: ${open.error}` : `[bench]   ${summarizeOpen(open)}  → ${openLoopVerdict(open)}`);
  if (!failed(open) && open.cpu) log(`[bench]   cpu: ${formatShare(open.cpu)}`);

  await sleep(2_000);
  log(`[bench] realtime: ${SSE_SUBSCRIBERS} subscribers, ${SSE_EDITS} edits ${SSE_SPACING_MS} ms apart`);
  loads.fanout[0] = os.loadavg();
  const fanout = await runFanout(base, fixture, { subscribers: SSE_SUBSCRIBERS, edits: SSE_EDITS, spacingMs: SSE_SPACING_MS, cpu, log }).catch((error: Error) => ({ error: error.message }));
  loads.fanout[1] = os.loadavg();
  log(failed(fanout) ? `[bench]   failed: ${fanout.error}` : `[bench]   ${summarizeFanout(fanout)}  → ${fanoutVerdict(fanout)}`);
  if (!failed(fanout) && fanout.cpu) log(`[bench]   cpu: ${formatShare(fanout.cpu)}`);
  return { writes, open, fanout, loads };
}


/** The "Writes and realtime" section of RESULTS.md. */
export function writesSection(input: { writes: WriteLoadResult | Failed; open: OpenLoopResult | Failed; fanout: FanoutResult | Failed; loads: Loads; fileLimit: number }): string[] {
  const cpus = os.cpus();
  const lines: string[] = [];
  lines.push("## Writes and realtime", "");
  lines.push("| what | path | budget | measured | p50 ms | p95 ms | p99 ms | max ms | result |");
  lines.push("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |");
  const w = input.writes;
  if (failed(w)) lines.push(`| ${WRITE_LABEL} | \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` | ${WRITE_BUDGET_TEXT} | — | — | — | — | — | ${writeVerdict(w)} |`);
  else
    lines.push(
      `| ${WRITE_LABEL} | \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` | ${WRITE_BUDGET_TEXT} | **${w.writesPerSecond.toFixed(0)} writes/s** (${w.created.toLocaleString("en")} created in ${w.durationMs / 1000} s; ${answersText(w.answers)}) | ${ms(w.p50)} | ${ms(w.p95)} | ${ms(w.p99)} | ${ms(w.max)} | ${writeVerdict(w)} |`,
    );
  const o = input.open;
  if (failed(o)) lines.push(`| ${OPEN_LABEL} | \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` | ${OPEN_BUDGET_TEXT} | — | — | — | — | — | ${openLoopVerdict(o)} |`);
  else
    lines.push(
      `| ${OPEN_LABEL} | \`POST /api/workspaces/${DEMO_SLUG}/excerpts\` | ${OPEN_BUDGET_TEXT} | ${o.scheduled.toLocaleString("en")} due in ${o.durationMs / 1000} s, ${o.created.toLocaleString("en")} created (${answersText(o.answers)}) | ${ms(o.p50)} | ${ms(o.p95)} | ${ms(o.p99)} | ${ms(o.max)} | ${openLoopVerdict(o)} |`,
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
  lines.push("- HTTP clients: the writes use node:http with a keep-alive agent and no connection cap (the built-in fetch cost about 2.5 ms of the shared cores' CPU per write, as much as a third of the app's); the event streams use Node's built-in fetch, whose global dispatcher keeps connections alive and has no per-origin connection cap (checked by the run: every subscriber connected).");
  if (!failed(w)) {
    lines.push(`- Writes: ${w.warmupRequests.toLocaleString("en")} warm-up requests; latency of the 201s alone: p99 ${ms(w.createdP99)} ms. ${cpuText(w.cpu)}. Load average before: ${fmtLoad(input.loads.writes[0])}; after: ${fmtLoad(input.loads.writes[1])}.`);
    if (w.cpu && w.created) lines.push(`- CPU time per created write (less sensitive to other load on the machine than the rates): ${cpuPerWrite(w)}. On ${cpus.length} cores, ${WRITE_BUDGET.perSecond} writes/s leaves ${((cpus.length * 1000) / WRITE_BUDGET.perSecond).toFixed(1)} ms of CPU per write for app, PostgreSQL and clients together; the app serves requests on one Node.js thread, so it alone cannot exceed about 1 core.`);
    lines.push(`- The clients are closed-loop (each sends its next request when the previous one is answered), so at saturation the mean latency is ${w.clients} ÷ throughput (here ${ms((1000 * w.clients) / Math.max(w.writesPerSecond, 1e-9))} ms): this phase measures capacity, and latency is judged in the open-loop phase below.`);
    if (w.examples.length) lines.push(`- Non-201 answers (examples): ${w.examples.map((e) => `\`${e.replace(/`/g, "'").replace(/\|/g, "\\|")}\``).join("; ")}`);
  }
  lines.push(
    `- **Open loop**: the same requests, the editors taken in turn, sent on a fixed schedule of ${OPEN_LOOP_RATE} a second (request i due at i ÷ ${OPEN_LOOP_RATE} s) whatever the answers — the way independent people arrive — for ${WRITE_WARMUP_MS / 1000} s of warm-up, then ${OPEN_LOOP_SECONDS} s timed. Latency runs from each request's due time to its full answer, so time a request spent waiting to be sent counts too; a request not answered counts as infinitely late.`,
  );
  if (!failed(o)) lines.push(`- Open loop: at most ${o.peakInFlight} requests waiting at once. ${cpuText(o.cpu)}. Load average before: ${fmtLoad(input.loads.open[0])}; after: ${fmtLoad(input.loads.open[1])}.`);
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
  return lines;
}
