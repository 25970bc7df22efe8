/**
 * The two concurrent budgets of DESIGN.md, measured over HTTP against a running app:
 *
 * - create evidence: N clients (default 32), each an EDITOR of the demo workspace with its own
 *   API token, loop `POST /api/workspaces/:slug/excerpts` (a random passage of a random source,
 *   linked to a random claim) for a warm-up and then a timed window; throughput is the 201s that
 *   completed inside the window, latency is send → full answer of the requests started in it.
 * - realtime fan-out: S anonymous Server-Sent-Events subscribers (default 500) of the workspace;
 *   once all are connected, E claims (default 20) are created ~250 ms apart and every subscriber's
 *   delay from the POST being sent to its `change` message for that claim is recorded.
 *
 * The writes are sent with node:http and a keep-alive agent with no connection cap (`postExcerpt`:
 * it costs the shared cores a fraction of what fetch costs). The event streams are read with Node's
 * built-in fetch, whose global dispatcher keeps connections alive and has no per-origin connection
 * cap (500+ concurrent sockets).
 *
 * Used by bench/run.ts; standalone against an app you started (with STANCEMAP_WRITE_LIMIT=0):
 *   DATABASE_URL=… BENCH_BASE_URL=http://127.0.0.1:3399 tsx bench/http-load.ts writes [clients] [seconds]
 *   DATABASE_URL=… BENCH_BASE_URL=http://127.0.0.1:3399 tsx bench/http-load.ts sse [subscribers] [edits]
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient } from "../lib/db/client";
import { createApiToken } from "../lib/server/auth/api-tokens";
import { CpuMeter, type CpuShare } from "./proc-cpu";

const REQUEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------- helpers

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length); // nearest rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));

function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1)); // inclusive
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

// ---------------------------------------------------------------- fixture

export interface Writer {
  userId: string;
  token: string;
}

export interface LoadFixture {
  slug: string;
  workspaceId: string;
  sources: { id: string; text: string }[];
  claimIds: string[];
  writers: Writer[];
}

/**
 * `count` users, each an EDITOR of `slug` with a personal API token, written straight into the
 * database; plus the workspace's source texts and claim ids for building requests.
 */
export async function prepareWriters(databaseUrl: string, slug: string, count: number): Promise<LoadFixture> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const workspace = await prisma.workspace.findFirstOrThrow({ where: { slug, deletedAt: null }, select: { id: true } });
    const run = randomUUID().slice(0, 8);
    const writers: Writer[] = [];
    for (let i = 0; i < count; i++) {
      const user = await prisma.user.create({ data: { email: `bench-writer-${run}-${i}@bench.test`, name: `Bench writer ${i + 1}` }, select: { id: true } });
      await prisma.member.create({ data: { workspaceId: workspace.id, userId: user.id, role: "EDITOR" } });
      const { token } = await createApiToken(prisma, user.id, "bench");
      writers.push({ userId: user.id, token });
    }
    const sources = await prisma.source.findMany({ where: { workspaceId: workspace.id, deletedAt: null }, select: { id: true, text: true } });
    const claims = await prisma.claim.findMany({ where: { workspaceId: workspace.id, deletedAt: null }, select: { id: true } });
    if (!sources.length || !claims.length) throw new Error(`workspace ${slug} has ${sources.length} sources and ${claims.length} claims; need both`);
    return { slug, workspaceId: workspace.id, sources, claimIds: claims.map((c) => c.id), writers };
  } finally {
    await prisma.$disconnect();
  }
}

// ---------------------------------------------------------------- create evidence under load

export interface WriteLoadOptions {
  clients: number;
  warmupMs: number;
  durationMs: number;
  cpu?: CpuMeter;
  log?: (message: string) => void;
}

export interface WriteLoadResult {
  clients: number;
  warmupMs: number;
  durationMs: number;
  /** 201s that completed inside the timed window. */
  created: number;
  writesPerSecond: number;
  /** Requests started inside the timed window, by answer ("201", "409", "error: TimeoutError", …). */
  answers: Record<string, number>;
  warmupRequests: number;
  /** Send → full answer, ms, of the requests started inside the timed window (all answers). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The same for the 201s alone. */
  createdP99: number;
  /** A few non-201 answers, for the report. */
  examples: string[];
  cpu?: CpuShare;
}

/**
 * CPU use over the timed window of a phase that starts now: sampled when the warm-up ends and
 * when the window closes (undefined without a meter, or when stopped before the window closed).
 */
function timedCpu(cpu: CpuMeter | undefined, warmupMs: number, durationMs: number) {
  let start: ReturnType<CpuMeter["sample"]> | undefined;
  let end: ReturnType<CpuMeter["sample"]> | undefined;
  const timers = cpu ? [setTimeout(() => (start = cpu.sample()), warmupMs), setTimeout(() => (end = cpu.sample()), warmupMs + durationMs)] : [];
  return {
    stop: () => timers.forEach(clearTimeout),
    share: (): CpuShare | undefined => (start && end ? CpuMeter.share(start, end) : undefined),
  };
}

/**
 * The writes' HTTP client: node:http with connections kept alive. The clients share the machine's
 * two cores with the app and PostgreSQL, and the built-in fetch cost about 2.5 ms of CPU per
 * request here (web streams, a Request and a Response object each); this costs a fraction of it,
 * leaving the cores to what is measured.
 */
const writeAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One evidence write; the answer's status ("201", "409", …, or "error: <name>"), keeping the first few failures as examples. */
function postExcerpt(url: string, headers: Record<string, string>, body: string, examples: string[]): Promise<string> {
  const fail = (error: Error) => {
    if (examples.length < 5) examples.push(`${error.name}: ${error.message}`);
    return `error: ${error.name}`;
  };
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", agent: writeAgent, headers: { ...headers, "content-length": Buffer.byteLength(body) }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => resolve(fail(error)));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        if (status !== 201 && examples.length < 5) examples.push(`HTTP ${status}: ${Buffer.concat(chunks).toString("utf8").slice(0, 240)}`);
        resolve(String(status));
      });
    });
    request.on("timeout", () => request.destroy(Object.assign(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`), { name: "TimeoutError" })));
    request.on("error", (error) => resolve(fail(error)));
    request.end(body);
  });
}

/** A random passage (40–200 characters) of a random source, as evidence for a random claim. */
function randomExcerpt(fixture: LoadFixture) {
  const source = pick(fixture.sources);
  const text = source.text;
  const length = Math.min(text.length, randomInt(40, 200));
  let start = randomInt(0, text.length - length);
  let end = start + length;
  // Do not cut a surrogate pair in two (the quote would not survive the round trip as UTF-8).
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  if (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  return {
    sourceId: source.id,
    selector: { start, end, exact: text.slice(start, end) },
    evidence: [{ claimId: pick(fixture.claimIds), stance: "SUPPORTS", voice: "AUTHOR" }],
  };
}

export async function runWriteLoad(base: string, fixture: LoadFixture, options: WriteLoadOptions): Promise<WriteLoadResult> {
  const url = `${base}/api/workspaces/${fixture.slug}/excerpts`;
  const began = performance.now();
  const t0 = began + options.warmupMs;
  const t1 = t0 + options.durationMs;
  const latencies: number[] = [];
  const createdLatencies: number[] = [];
  const answers: Record<string, number> = {};
  const examples: string[] = [];
  let created = 0;
  let warmupRequests = 0;
  const cpuWindow = timedCpu(options.cpu, options.warmupMs, options.durationMs);

  const client = async (writer: Writer) => {
    const headers = { authorization: `Bearer ${writer.token}`, "content-type": "application/json" };
    while (performance.now() < t1) {
      const body = JSON.stringify(randomExcerpt(fixture));
      const started = performance.now();
      const answer = await postExcerpt(url, headers, body, examples);
      const ended = performance.now();
      if (answer === "201" && ended >= t0 && ended <= t1) created++;
      if (started < t0) {
        warmupRequests++;
        continue;
      }
      answers[answer] = (answers[answer] ?? 0) + 1;
      latencies.push(ended - started);
      if (answer === "201") createdLatencies.push(ended - started);
    }
  };

  const progress = options.log ? setInterval(() => options.log!(`[bench]   … ${created} created so far`), 5_000) : undefined;
  try {
    await Promise.all(fixture.writers.slice(0, options.clients).map(client));
  } finally {
    if (progress) clearInterval(progress);
    cpuWindow.stop();
  }
  latencies.sort((a, b) => a - b);
  createdLatencies.sort((a, b) => a - b);
  return {
    clients: Math.min(options.clients, fixture.writers.length),
    warmupMs: options.warmupMs,
    durationMs: options.durationMs,
    created,
    writesPerSecond: created / (options.durationMs / 1000),
    answers,
    warmupRequests,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    createdP99: percentile(createdLatencies, 99),
    examples,
    cpu: cpuWindow.share(),
  };
}

export interface OpenLoopOptions {
  /** Requests sent per second, on a fixed schedule whatever the answers. */
  ratePerSecond: number;
  warmupMs: number;
  durationMs: number;
  cpu?: CpuMeter;
}

export interface OpenLoopResult {
  ratePerSecond: number;
  durationMs: number;
  /** Requests scheduled inside the timed window, and how many were sent (the rest never left: see `maxInFlight`). */
  scheduled: number;
  created: number;
  answers: Record<string, number>;
  /** From each request's scheduled send time to its full answer: a late send counts against the server. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Most requests waiting for an answer at once. */
  peakInFlight: number;
  examples: string[];
  cpu?: CpuShare;
}

/** Requests waiting at once beyond which the server is clearly not keeping up: later ones count as failed. */
const OPEN_LOOP_MAX_IN_FLIGHT = 2_000;

/**
 * Evidence writes at a fixed arrival rate (open loop): request i is due at t0 + i / rate and is
 * sent then, whether or not earlier ones were answered, so a slow server meets a growing queue
 * rather than clients that politely wait (closed loop). Latency runs from the due time, so a
 * request delayed by the client's own event loop still counts in full.
 */
export async function runOpenLoopWrites(base: string, fixture: LoadFixture, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = `${base}/api/workspaces/${fixture.slug}/excerpts`;
  const interval = 1000 / options.ratePerSecond;
  const began = performance.now();
  const t0 = began + options.warmupMs;
  const t1 = t0 + options.durationMs;
  const total = Math.floor((options.warmupMs + options.durationMs) / interval);
  const latencies: number[] = [];
  const answers: Record<string, number> = {};
  const examples: string[] = [];
  let created = 0;
  let scheduled = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  const cpuWindow = timedCpu(options.cpu, options.warmupMs, options.durationMs);
  const pending: Promise<void>[] = [];

  const send = async (i: number, due: number) => {
    const timed = due >= t0 && due < t1;
    if (timed) scheduled++;
    if (inFlight >= OPEN_LOOP_MAX_IN_FLIGHT) {
      if (timed) answers["not sent (queue full)"] = (answers["not sent (queue full)"] ?? 0) + 1;
      return;
    }
    const writer = fixture.writers[i % fixture.writers.length];
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    const headers = { authorization: `Bearer ${writer.token}`, "content-type": "application/json" };
    const answer = await postExcerpt(url, headers, JSON.stringify(randomExcerpt(fixture)), examples).finally(() => inFlight--);
    if (!timed) return;
    answers[answer] = (answers[answer] ?? 0) + 1;
    latencies.push(performance.now() - due);
    if (answer === "201") created++;
  };

  try {
    for (let i = 0; i < total; i++) {
      const due = began + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(send(i, due));
    }
    await Promise.all(pending);
  } finally {
    cpuWindow.stop();
  }
  latencies.sort((a, b) => a - b);
  // Requests never sent or never answered count as infinitely late.
  const unanswered = scheduled - latencies.length;
  const all = [...latencies, ...Array.from({ length: unanswered }, () => Infinity)];
  return {
    ratePerSecond: options.ratePerSecond,
    durationMs: options.durationMs,
    scheduled,
    created,
    answers,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    max: all.at(-1) ?? NaN,
    peakInFlight,
    examples,
    cpu: cpuWindow.share(),
  };
}

// ---------------------------------------------------------------- realtime fan-out

export interface Subscriber {
  controller: AbortController;
  connected: Promise<void>;
  isConnected: boolean;
  /** entityId → performance.now() when the chunk carrying its first `change` message was read. */
  received: Map<string, number>;
  closed: Promise<void>;
  error?: string;
}

/** A `change` message as the stream sends it (lib/realtime/events.ts), as far as the bench reads it. */
export interface ChangeMessage {
  id: string;
  type: string;
  entityId?: string;
  claimId?: string | null;
}

export interface SubscribeOptions {
  /** Sent with the request, e.g. a session cookie. */
  headers?: Record<string, string>;
  /** Called for every `change` message, with performance.now() of the chunk that carried it. */
  onChange?: (message: ChangeMessage, at: number) => void;
}

/** Opens one event stream and reads it until aborted; resolves `connected` on `: connected`. */
export function subscribe(url: string, options: SubscribeOptions = {}): Subscriber {
  const controller = new AbortController();
  let markConnected!: () => void;
  let failConnect!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    markConnected = resolve;
    failConnect = reject;
  });
  connected.catch(() => {}); // observed by whoever awaits it
  const subscriber: Subscriber = { controller, connected, isConnected: false, received: new Map(), closed: Promise.resolve() };
  subscriber.closed = (async () => {
    const res = await fetch(url, { headers: { ...options.headers, accept: "text/event-stream" }, signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const at = performance.now();
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) {
            if (line.slice(1).trim() === "connected" && !subscriber.isConnected) {
              subscriber.isConnected = true;
              markConnected();
            }
            continue;
          }
          const colon = line.indexOf(":");
          const field = colon === -1 ? line : line.slice(0, colon);
          let fieldValue = colon === -1 ? "" : line.slice(colon + 1);
          if (fieldValue.startsWith(" ")) fieldValue = fieldValue.slice(1);
          if (field === "event") event = fieldValue;
          else if (field === "data") data.push(fieldValue);
        }
        if (event === "change" && data.length) {
          const message = JSON.parse(data.join("\n")) as ChangeMessage;
          if (message.entityId && !subscriber.received.has(message.entityId)) subscriber.received.set(message.entityId, at);
          options.onChange?.(message, at);
        }
      }
    }
    throw new Error("the server ended the stream");
  })().catch((error: Error) => {
    if (controller.signal.aborted) return;
    subscriber.error = `${error.name}: ${error.message}`;
    failConnect(error);
  });
  return subscriber;
}

export interface FanoutOptions {
  subscribers: number;
  edits: number;
  spacingMs: number;
  /** Subscribers connecting at the same time while opening. */
  connectConcurrency?: number;
  connectTimeoutMs?: number;
  /** How long to wait after the last edit for deliveries still on their way. */
  graceMs?: number;
  cpu?: CpuMeter;
  log?: (message: string) => void;
}

export interface FanoutResult {
  subscribers: number;
  connected: number;
  connectMs: number;
  edits: number;
  /** Edits the server accepted (201); only those are expected to be delivered. */
  acceptedEdits: number;
  editAnswers: Record<string, number>;
  /** POST send → 201 read, ms (the commit is inside this). */
  editP50: number;
  editMax: number;
  expected: number;
  delivered: number;
  missed: number;
  /** Send → received over all expected deliveries (a missed one counts as infinitely late). */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Subscribers that failed or were cut off, with a few reasons. */
  dropped: number;
  errors: string[];
  /** Per edit, first → last subscriber to receive it (the fan-out itself), ms: median and max over edits. */
  spreadP50: number;
  spreadMax: number;
  cpu?: CpuShare;
}

export async function runFanout(base: string, fixture: LoadFixture, options: FanoutOptions): Promise<FanoutResult> {
  const log = options.log ?? (() => {});
  const eventsUrl = `${base}/api/workspaces/${fixture.slug}/events`;
  const claimsUrl = `${base}/api/workspaces/${fixture.slug}/claims`;
  const concurrency = options.connectConcurrency ?? 50;
  const connectTimeoutMs = options.connectTimeoutMs ?? 120_000;
  const subscribers: Subscriber[] = [];
  try {
    // 1. Connect everyone (a few dozen at a time), then let the catch-up and presence settle.
    const connectStarted = performance.now();
    const deadline = Date.now() + connectTimeoutMs;
    while (subscribers.length < options.subscribers && Date.now() < deadline) {
      const batch: Subscriber[] = [];
      for (let i = 0; i < concurrency && subscribers.length < options.subscribers; i++) {
        const s = subscribe(eventsUrl);
        subscribers.push(s);
        batch.push(s);
      }
      await Promise.race([Promise.allSettled(batch.map((s) => s.connected)), sleep(deadline - Date.now())]);
    }
    await Promise.race([Promise.allSettled(subscribers.map((s) => s.connected)), sleep(deadline - Date.now())]);
    const connectMs = performance.now() - connectStarted;
    const connected = subscribers.filter((s) => s.isConnected).length;
    log(`[bench]   ${connected}/${options.subscribers} subscribers connected in ${(connectMs / 1000).toFixed(1)} s`);
    await sleep(1_000);

    // 2. The edits, one every spacingMs, each by the same editor through the API.
    const cpuStart = options.cpu?.sample();
    const writer = fixture.writers[0];
    const headers = { authorization: `Bearer ${writer.token}`, "content-type": "application/json" };
    const edits: { id: string; sentAt: number; answeredAt: number }[] = [];
    const editAnswers: Record<string, number> = {};
    const errors: string[] = [];
    const runId = randomUUID().slice(0, 8);
    for (let i = 0; i < options.edits; i++) {
      const sentAt = performance.now();
      try {
        const res = await fetch(claimsUrl, { method: "POST", headers, body: JSON.stringify({ text: `Bench realtime probe ${i + 1} (${runId}).` }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const body = (await res.json()) as { id?: string };
        editAnswers[res.status] = (editAnswers[res.status] ?? 0) + 1;
        if (res.status === 201 && body.id) edits.push({ id: body.id, sentAt, answeredAt: performance.now() });
        else if (errors.length < 5) errors.push(`edit ${i + 1}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      } catch (error) {
        editAnswers[`error: ${(error as Error).name}`] = (editAnswers[`error: ${(error as Error).name}`] ?? 0) + 1;
        if (errors.length < 5) errors.push(`edit ${i + 1}: ${(error as Error).message}`);
      }
      await sleep(sentAt + options.spacingMs - performance.now());
    }

    // 3. Wait for the stragglers (or the grace period), then score every (subscriber, edit) pair.
    const live = subscribers.filter((s) => s.isConnected);
    const graceEnd = Date.now() + (options.graceMs ?? 10_000);
    while (Date.now() < graceEnd && !live.every((s) => edits.every((e) => s.received.has(e.id)))) await sleep(50);
    const cpuEnd = options.cpu?.sample();

    const delays: number[] = [];
    let missed = 0;
    for (const s of live) {
      for (const e of edits) {
        const at = s.received.get(e.id);
        if (at === undefined) missed++;
        else delays.push(at - e.sentAt);
      }
    }
    delays.sort((a, b) => a - b);
    const all = [...delays, ...Array<number>(missed).fill(Infinity)];
    const spreads = edits
      .map((e) => live.map((s) => s.received.get(e.id)).filter((at): at is number => at !== undefined))
      .filter((times) => times.length > 0)
      .map((times) => Math.max(...times) - Math.min(...times))
      .sort((a, b) => a - b);
    const editTimes = edits.map((e) => e.answeredAt - e.sentAt).sort((a, b) => a - b);
    const dropped = subscribers.filter((s) => s.error).length;
    for (const s of subscribers) if (s.error && errors.length < 8) errors.push(`subscriber: ${s.error}`);
    return {
      subscribers: options.subscribers,
      connected,
      connectMs,
      edits: options.edits,
      acceptedEdits: edits.length,
      editAnswers,
      editP50: percentile(editTimes, 50),
      editMax: editTimes.at(-1) ?? NaN,
      expected: live.length * edits.length,
      delivered: delays.length,
      missed,
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      p99: percentile(all, 99),
      max: all.at(-1) ?? NaN,
      dropped,
      errors,
      spreadP50: percentile(spreads, 50),
      spreadMax: spreads.at(-1) ?? NaN,
      cpu: cpuStart && cpuEnd ? CpuMeter.share(cpuStart, cpuEnd) : undefined,
    };
  } finally {
    for (const s of subscribers) s.controller.abort();
    await Promise.race([Promise.allSettled(subscribers.map((s) => s.closed)), sleep(5_000)]);
  }
}

// ---------------------------------------------------------------- standalone

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  const base = process.env.BENCH_BASE_URL;
  const [mode, a, b] = process.argv.slice(2);
  if (!url || !base || (mode !== "writes" && mode !== "sse")) {
    console.error("usage: DATABASE_URL=… BENCH_BASE_URL=http://127.0.0.1:3399 tsx bench/http-load.ts writes [clients] [seconds] | sse [subscribers] [edits]");
    process.exit(2);
  }
  const slug = process.env.BENCH_SLUG ?? "sco-debate";
  const cpu = new CpuMeter(process.env.BENCH_APP_PGRP ? Number(process.env.BENCH_APP_PGRP) : undefined, process.env.BENCH_PG_PID ? Number(process.env.BENCH_PG_PID) : undefined);
  (async () => {
    if (mode === "writes") {
      const clients = Number(a ?? 32);
      const fixture = await prepareWriters(url, slug, clients);
      const r = await runWriteLoad(base, fixture, { clients, warmupMs: 2_000, durationMs: Number(b ?? 10) * 1000, cpu, log: console.log });
      console.log(JSON.stringify(r, null, 2));
    } else {
      const fixture = await prepareWriters(url, slug, 1);
      const r = await runFanout(base, fixture, { subscribers: Number(a ?? 500), edits: Number(b ?? 20), spacingMs: 250, cpu, log: console.log });
      console.log(JSON.stringify(r, null, 2));
    }
  })().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
