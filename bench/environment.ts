/**
 * The machine the bench runs on: a free port, a fresh data directory (stopping a PostgreSQL an
 * earlier run left behind), enough open files for the event streams, the PostgreSQL version.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { DATA_DIR, HOST, log } from "./settings";
import { sleep } from "./stats";

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port between ${preferred} and ${preferred + 49}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes `.data/bench` for a fresh start. A PostgreSQL left running on it by an earlier bench
 * run that was killed is stopped first (by the pid in its postmaster.pid, nothing broader); as
 * root the cluster may live under /var/lib/stancemap, named in postgres.json — removed as well.
 */
export async function wipeDataDir(): Promise<void> {
  const credentialsFile = path.join(DATA_DIR, "postgres.json");
  let clusterDir: string | undefined;
  try {
    clusterDir = (JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as { clusterDir?: string }).clusterDir;
  } catch {
    clusterDir = undefined;
  }
  if (clusterDir) {
    const pidFile = path.join(clusterDir, "postmaster.pid");
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
    if (pid && processAlive(pid)) {
      log(`[bench] stopping the PostgreSQL (pid ${pid}) an earlier bench run left on ${clusterDir}`);
      process.kill(pid, "SIGINT");
      const deadline = Date.now() + 20_000;
      while (processAlive(pid) && Date.now() < deadline) await sleep(100);
      if (processAlive(pid)) throw new Error(`PostgreSQL pid ${pid} on ${clusterDir} did not stop; stop it and rerun`);
    }
    if (!clusterDir.startsWith(DATA_DIR + path.sep)) fs.rmSync(clusterDir, { recursive: true, force: true });
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
}

/** The soft limit on open files of this process (inherited by the app it spawns). */
function openFileLimit(): number {
  try {
    const line = fs.readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
    const soft = line?.split(/\s{2,}/)[1];
    return soft === "unlimited" ? Infinity : Number(soft);
  } catch {
    return NaN;
  }
}

/**
 * 500 event streams are 500 sockets in this process and 500 in the app: make sure the limit on
 * open files allows that (raised with prlimit when it does not, which needs root or a high
 * enough hard limit). Returns the limit in force.
 */
export function ensureOpenFileLimit(needed: number): number {
  const current = openFileLimit();
  if (!(current < needed)) return current;
  const target = Math.max(needed, 65_536);
  try {
    execFileSync("prlimit", ["--pid", String(process.pid), `--nofile=${target}:${target}`], { stdio: "ignore" });
    log(`[bench] raised the open-file limit from ${current} to ${openFileLimit()}`);
  } catch (error) {
    log(`[bench] the open-file limit is ${current} (< ${needed}) and could not be raised: ${(error as Error).message}`);
  }
  return openFileLimit();
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0].v;
  } finally {
    await client.end();
  }
}
