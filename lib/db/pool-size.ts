/**
 * How many app processes to run and how many database connections each may open, so that all of
 * them together stay within the server's `max_connections`.
 */

/** Connections a process opens besides its Prisma pool: write and sign-in counters (4), streamed exports (4), the event listener (1). */
export const CONNECTIONS_BESIDES_POOL = 9;
/** Kept free for the starting process (held connection, housekeeping), `psql`, backups and migrations. */
export const RESERVED_CONNECTIONS = 10;
/** The Prisma pool of one process when nothing limits it. */
export const DEFAULT_POOL = 10;
const MIN_POOL = 2;

/**
 * The number of app processes `STANCEMAP_WORKERS` asks for: a whole number from 1 to 64, or
 * `auto` / unset for one per core.
 */
export function workerCount(setting: string | undefined, cores: number): number {
  const value = setting?.trim() ?? "";
  if (value === "" || value === "auto") return Math.max(1, cores);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`STANCEMAP_WORKERS must be a whole number from 1 to 64, or "auto" (got "${setting}")`);
  return n;
}

/**
 * Each process's Prisma pool: the default, or less when `workers` processes would not fit in
 * `maxConnections`. Throws when even the smallest useful pool does not fit, naming what to change.
 */
export function poolPerWorker(workers: number, maxConnections: number): number {
  const room = Math.floor((maxConnections - RESERVED_CONNECTIONS) / workers) - CONNECTIONS_BESIDES_POOL;
  if (room < MIN_POOL) {
    const most = Math.max(0, Math.floor((maxConnections - RESERVED_CONNECTIONS) / (MIN_POOL + CONNECTIONS_BESIDES_POOL)));
    throw new Error(`${workers} app processes need more connections than the database's max_connections (${maxConnections}) allows; set STANCEMAP_WORKERS to ${most} or fewer, or raise max_connections`);
  }
  return Math.min(DEFAULT_POOL, room);
}
