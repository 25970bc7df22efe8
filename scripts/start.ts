/**
 * `npm start`: builds the app if needed, starts the database (embedded PostgreSQL unless
 * DATABASE_URL is set), applies migrations, seeds the demo, and serves Stancemap on PORT (3000).
 * With `STANCEMAP_WORKERS=N` (N > 1, or `auto` for one per core) it serves from N processes
 * sharing the port (Node's cluster): this process prepares the database once, sizes each
 * process's connection pool to fit `max_connections`, restarts a process that dies, and on Ctrl-C
 * or SIGTERM stops them all before the embedded database. `--dev` serves one process with hot
 * reload instead of a production build.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";
import next from "next";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { holdConnection } from "../lib/db/hold-connection";
import { cleanExpiredRows } from "../lib/db/housekeeping";
import { poolPerWorker, workerCount } from "../lib/db/pool-size";
import { prepareDatabase, type PreparedDatabase } from "../lib/db/prepare";
import { stampClientAddress, trustedProxies } from "../lib/server/client-address";
import { securityHeaders } from "../lib/server/security-headers";
import { buildIfStale } from "./build-if-stale";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST;

const HOUSEKEEPING_EVERY_MS = 15 * 60 * 1000;
const STOP_WITHIN_MS = 20_000;
/** A process that dies sooner than this after starting is not restarted again and again. */
const CRASH_LOOP_MS = 10_000;

const log = (message: string) => console.log(`[stancemap] ${message}`);

/** Serves the app from this process; resolves once it listens, with a way to stop it. */
async function serve(): Promise<{ close(): Promise<void> }> {
  const app = next({ dev, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trust = trustedProxies();
  const https = process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false;
  const server = createServer((req, res) => {
    stampClientAddress(req, trust);
    const { response, requestPolicy } = securityHeaders({ path: (req.url ?? "/").split("?")[0], https, dev });
    for (const [name, value] of Object.entries(response)) res.setHeader(name, value);
    // Next.js takes the nonce for its scripts from the request's policy; a client's own is replaced.
    if (requestPolicy) req.headers["content-security-policy"] = requestPolicy;
    else delete req.headers["content-security-policy"];
    return handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  return {
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close().catch(() => {});
    },
  };
}

function listenError(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code === "EADDRINUSE" ? `port ${port} is in use; set PORT to another port` : String(error instanceof Error ? error.message : error);
}

/** One of several app processes: serves until the starting process says stop (or goes away). */
async function runWorker() {
  // Ctrl-C reaches every process of the terminal; the starting process decides the order of stopping.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => {});
  let server: { close(): Promise<void> };
  try {
    server = await serve();
  } catch (error) {
    console.error(`[stancemap] ${listenError(error)}`);
    process.exit(1);
  }
  process.send?.({ type: "ready" });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on("message", (message: { type?: string }) => {
    if (message?.type === "stop") void stop();
  });
  process.on("disconnect", () => void stop());
}

async function maxConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ max_connections: string }>("show max_connections");
    return Number(rows[0].max_connections);
  } finally {
    await client.end();
  }
}

/** Starts `count` app processes and keeps them running; resolves once all of them listen. */
async function startWorkers(count: number, database: PreparedDatabase): Promise<{ stop(): Promise<void> }> {
  const pool = process.env.STANCEMAP_DB_POOL ?? String(poolPerWorker(count, await maxConnections(database.url)));
  const env = { STANCEMAP_DB_POOL: pool };
  let stopping = false;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork(env);
    startedAt.set(worker.id, Date.now());
    return worker;
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (lived < CRASH_LOOP_MS) {
      console.error(`[stancemap] an app process stopped ${Math.round(lived / 1000)} s after starting (${signal ?? `code ${code}`}); stopping`);
      process.kill(process.pid, "SIGTERM");
      return;
    }
    console.error(`[stancemap] an app process stopped (${signal ?? `code ${code}`}); starting another`);
    fork();
  });
  const workers = Array.from({ length: count }, fork);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on("message", (message: { type?: string }) => message?.type === "ready" && resolve());
          worker.once("exit", (code) => reject(new Error(`an app process did not start (code ${code})`)));
        }),
    ),
  );
  log(`${count} app processes share the port, ${pool} database connections each`);
  return {
    async stop() {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined && !w.isDead());
      await Promise.all(
        alive.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker!.once("exit", () => resolve());
              worker!.send({ type: "stop" });
            }),
        ),
      );
    },
  };
}

async function main() {
  if (cluster.isWorker) return runWorker();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!dev) buildIfStale();
  const processes = dev ? 1 : workerCount(process.env.STANCEMAP_WORKERS ?? "1", os.availableParallelism());
  // Development keeps the published demo password; a production start never does.
  const database = await prepareDatabase({ demoPassword: dev ? "known" : "generate" });
  const held = holdConnection(database.url, (m) => console.error(`[stancemap] ${m}`));

  let app: { stop(): Promise<void> };
  try {
    if (processes === 1) {
      const server = await serve();
      app = { stop: () => server.close() };
    } else {
      app = await startWorkers(processes, database);
    }
  } catch (error) {
    console.error(`[stancemap] ${listenError(error)}`);
    await held.release();
    await database.stop();
    process.exit(1);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    const forced = setTimeout(() => process.exit(1), STOP_WITHIN_MS);
    forced.unref();
    await app.stop();
    await held.release();
    await database.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  log(`ready on http://${hostname ?? "localhost"}:${port}${database.embedded ? " (embedded PostgreSQL)" : ""}`);

  // Housekeeping, in the starting process only: expired presence, retry answers, counters and sessions.
  const housekeeping = createPrismaClient(database.url, { max: 1 });
  const clean = () =>
    cleanExpiredRows(housekeeping)
      .then((removed) => {
        const total = Object.values(removed).reduce((a, b) => a + b, 0);
        if (total > 0) log(`housekeeping removed ${total} expired rows`);
      })
      .catch((error) => console.error("[stancemap] housekeeping failed:", error instanceof Error ? error.message : error));
  void clean();
  setInterval(() => void clean(), HOUSEKEEPING_EVERY_MS).unref();
}

main().catch((error) => {
  console.error("[stancemap] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
