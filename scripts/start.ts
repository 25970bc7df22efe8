/**
 * `npm start`: builds the app if needed, starts the database (embedded PostgreSQL unless
 * DATABASE_URL is set), applies migrations, seeds the demo, and serves Stancemap on PORT (3000).
 * Ctrl-C or SIGTERM closes the HTTP server, then stops the embedded database cleanly.
 * `--dev` serves with hot reload instead of a production build.
 */
import { createServer } from "node:http";
import next from "next";
import { createPrismaClient } from "../lib/db/client";
import { holdConnection } from "../lib/db/hold-connection";
import { cleanExpiredRows } from "../lib/db/housekeeping";
import { prepareDatabase } from "../lib/db/prepare";
import { stampClientAddress, trustedProxies } from "../lib/server/client-address";
import { securityHeaders } from "../lib/server/security-headers";
import { buildIfStale } from "./build-if-stale";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST;

const HOUSEKEEPING_EVERY_MS = 15 * 60 * 1000;

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!dev) buildIfStale();
  // Development keeps the published demo password; a production start never does.
  const database = await prepareDatabase({ demoPassword: dev ? "known" : "generate" });
  const held = holdConnection(database.url, (m) => console.error(`[stancemap] ${m}`));

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

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[stancemap] ${signal}: shutting down`);
    const forced = setTimeout(() => process.exit(1), 20_000);
    forced.unref();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close().catch(() => {});
    await held.release();
    await database.stop();
    console.log("[stancemap] stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  server.once("error", async (error: NodeJS.ErrnoException) => {
    console.error(error.code === "EADDRINUSE" ? `[stancemap] port ${port} is in use; set PORT to another port` : error);
    await database.stop();
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    console.log(`[stancemap] ready on http://${hostname ?? "localhost"}:${port}${database.embedded ? " (embedded PostgreSQL)" : ""}`);
  });

  // Housekeeping: expired presence, retry answers, counters and sessions, now and every 15 minutes.
  const housekeeping = createPrismaClient(database.url, { max: 1 });
  const clean = () =>
    cleanExpiredRows(housekeeping)
      .then((removed) => {
        const total = Object.values(removed).reduce((a, b) => a + b, 0);
        if (total > 0) console.log(`[stancemap] housekeeping removed ${total} expired rows`);
      })
      .catch((error) => console.error("[stancemap] housekeeping failed:", error instanceof Error ? error.message : error));
  void clean();
  setInterval(() => void clean(), HOUSEKEEPING_EVERY_MS).unref();
}


main().catch((error) => {
  console.error("[stancemap] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
