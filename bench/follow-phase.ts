/**
 * The `follow` group: seminar rooms following the facilitator's spotlight (bench/follow-load.ts
 * runs them), with the verdict against the 2 s requirement and the section of RESULTS.md.
 */
import os from "node:os";
import { runFollow, type FollowResult } from "./follow-load";
import { CpuMeter, formatShare } from "./proc-cpu";
import { DEMO_SLUG, FOLLOWERS, FOLLOW_BUDGET_MS, FOLLOW_PAUSE_MS, FOLLOW_STEERS, FOLLOW_TIMEOUT_MS, log } from "./settings";
import { answersText, failed, fmtLoad, ms, type Failed } from "./stats";

export type FollowPhase = { results: FollowResult[] | Failed; load: [number[], number[]] };

function followVerdict(r: FollowResult): string {
  const accepted = r.steers.filter((s) => s.answer === "200").length;
  if (!accepted) return `NOT MEASURED (no steer was accepted: ${r.steers.map((s) => s.answer).join(", ")})`;
  const misses = [];
  if (!(r.lastMax <= FOLLOW_BUDGET_MS)) misses.push(Number.isFinite(r.lastMax) ? `last follower after ${ms(r.lastMax)} ms > ${FOLLOW_BUDGET_MS}` : "a follower never arrived");
  if (r.connected < r.followers) misses.push(`only ${r.connected} of ${r.followers} streams connected`);
  if (r.missed) misses.push(`${r.missed} of ${r.expected} arrivals missing`);
  if (accepted < r.steers.length) misses.push(`${r.steers.length - accepted} steers refused`);
  return misses.length ? `FAIL (${misses.join("; ")})` : "PASS";
}

/** CPU ms per follower arriving on a claim, per party, over the steering. */
function cpuPerFollowText(r: FollowResult): string {
  if (!r.cpuPerFollow) return "not available";
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "?");
  return `app ${f(r.cpuPerFollow.app)} ms, PostgreSQL ${f(r.cpuPerFollow.postgres)} ms`;
}

function firstToLast(r: FollowResult): string {
  return r.steers.map((s) => `${ms(s.firstMs)} → ${ms(s.lastMs)}`).join(", ");
}

function summarizeFollow(r: FollowResult): string {
  return `${r.followers} followers: last follower per steer median ${ms(r.lastP50)} ms, max ${ms(r.lastMax)} ms; arrivals p50 ${ms(r.p50)} ms  p95 ${ms(r.p95)} ms  max ${ms(r.max)} ms; SSE p50 ${ms(r.sseP50)} ms  p95 ${ms(r.sseP95)} ms; ${r.arrived}/${r.expected} arrived (PATCH p50 ${ms(r.patchP50)} ms)`;
}

/** The "Seminar" section of RESULTS.md. */
export function followSection(phase: FollowPhase): string[] {
  const lines = ["## Seminar: followers reaching the spotlight", ""];
  lines.push(
    `A facilitator moves the spotlight of a live session of \`${DEMO_SLUG}\`. The requirement: in a room of 5–40 people, every follower is on the spotlighted claim within ${FOLLOW_BUDGET_MS / 1000} s of the click. The result judges the slowest follower of the slowest steer.`,
    "",
  );
  lines.push("| followers | last follower per steer: median / max ms | all arrivals p50 / p95 / max ms | SSE delivery p50 / p95 ms | arrived | app CPU per follow | result |");
  lines.push("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  const { results } = phase;
  if (failed(results)) lines.push(`| ${FOLLOWERS.join(", ")} | — | — | — | — | — | NOT MEASURED (error: ${results.error.replace(/\|/g, "\\|")}) |`);
  else
    for (const r of results)
      lines.push(
        `| ${r.followers} | **${ms(r.lastP50)} / ${ms(r.lastMax)}** | ${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.max)} | ${ms(r.sseP50)} / ${ms(r.sseP95)} | ${r.arrived} of ${r.expected} | ${r.cpuPerFollow ? `${ms(r.cpuPerFollow.app)} ms` : "—"} | ${followVerdict(r)} |`,
      );
  lines.push("", "How this was measured:", "");
  lines.push(
    `- **Followers**: signed up over HTTP (\`POST /api/auth/sign-up/email\` with an \`Origin\` header, as a browser; the sign-up rate limit off with \`STANCEMAP_AUTH_RATE_LIMIT=off\`), so each holds a real session cookie — the pages read the cookie, not API tokens — then made COMMENTERs of \`${DEMO_SLUG}\` in the database. Each opens the workspace's event stream with its cookie and counts as connected on \`: connected\`; before the session starts each loads one claim page (where a browser would be, and it warms the app).`,
  );
  lines.push(
    `- **Steering**: the facilitator (an EDITOR with an API token) ends any live session, starts one, and sends \`PATCH /api/workspaces/${DEMO_SLUG}/session {"spotlightClaimId"}\` ${FOLLOW_STEERS} times, cycling through the claims in the matrix's order. The next steer goes ${FOLLOW_PAUSE_MS} ms after every follower has arrived (or ${FOLLOW_TIMEOUT_MS / 1000} s after the steer, when a follower still missing counts as a failure and as infinitely late).`,
  );
  lines.push(
    `- **A follower's move**: on the \`seminar.steered\` change naming the claim, it does what the seminar bar does in a browser — go to \`/w/${DEMO_SLUG}/claims/:claimId\` — as a GET of the full HTML page with its cookie, read to the end (a little heavier than the RSC request of the browser's client-side navigation). **Arrival** = the PATCH being sent → that page fully read; **SSE delivery** = the PATCH being sent → the change message read. Not included: the browser's own work after the answer (parsing, React rendering) and the click → request time in the facilitator's browser.`,
  );
  lines.push(`- App CPU per follow = the app process group's CPU time over the steering phase ÷ arrivals (it includes the PATCHes and the event fan-out).`);
  if (!failed(results)) {
    for (const r of results) {
      lines.push(
        `- ${r.followers} followers: ${r.connected} of ${r.followers} streams connected in ${(r.connectMs / 1000).toFixed(1)} s; first → last follower per steer: ${firstToLast(r)} ms; PATCH → 200 p50 ${ms(r.patchP50)} ms; pages answered ${answersText(r.pageAnswers)}. ${r.cpu ? `CPU while steering (average cores in use): ${formatShare(r.cpu)}; per follow: ${cpuPerFollowText(r)}` : "CPU use not available"}.`,
      );
      if (r.errors.length) lines.push(`  Errors (examples): ${r.errors.map((e) => `\`${e.replace(/`/g, "'").replace(/\|/g, "\\|")}\``).join("; ")}`);
    }
  }
  lines.push(`- Load average before: ${fmtLoad(phase.load[0])}; after: ${fmtLoad(phase.load[1])}.`, "");
  return lines;
}

/** Seminar rooms of BENCH_FOLLOWERS sizes following the spotlight, with the load average around them. */
export async function measureFollow(base: string, databaseUrl: string, cpu: CpuMeter): Promise<FollowPhase> {
  log(`[bench] seminar follow: rooms of ${FOLLOWERS.join(" and ")} followers, ${FOLLOW_STEERS} steers each`);
  const before = os.loadavg();
  const results = await runFollow(base, databaseUrl, { slug: DEMO_SLUG, followers: FOLLOWERS, steers: FOLLOW_STEERS, pauseMs: FOLLOW_PAUSE_MS, steerTimeoutMs: FOLLOW_TIMEOUT_MS, cpu, log }).catch((error: Error) => ({ error: error.message }));
  const load: [number[], number[]] = [before, os.loadavg()];
  if (failed(results)) {
    log(`[bench]   failed: ${results.error}`);
    return { results, load };
  }
  for (const r of results) {
    log(`[bench]   ${summarizeFollow(r)}  → ${followVerdict(r)}`);
    log(`[bench]     first → last follower per steer: ${firstToLast(r)} ms`);
    if (r.cpu) log(`[bench]     cpu: ${formatShare(r.cpu)}; per follow: ${cpuPerFollowText(r)}`);
    if (r.errors.length) log(`[bench]     errors: ${r.errors.join("; ")}`);
  }
  return { results, load };
}
