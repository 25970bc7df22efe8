/**
 * Reads that stream: one connection in a REPEATABLE READ, READ ONLY transaction, so every query of
 * one read sees the same snapshot, with large results fetched page by page through SQL cursors.
 * Used by the exports, whose rows would not fit comfortably in memory as Prisma objects.
 *
 * It goes through `pg` directly, on a small pool of its own beside Prisma's: Prisma's interactive
 * transactions cannot stay open while a consumer pulls pages, and turning each row into a Prisma
 * result object costs about as much again as the query itself.
 */
import pg from "pg";
import type { Prisma, TRowReader } from "./client";

/** A snapshot reads rows as `prismaRows` does (lib/db/client.ts), so one query serves both. */
export interface TSnapshot extends TRowReader {
  /**
   * The rows of a large query, `pageSize` at a time, through a cursor. The next page is already
   * being fetched while the caller works on the current one.
   */
  pages<T>(query: Prisma.Sql, pageSize?: number): AsyncGenerator<T[]>;
}

/** Rows per FETCH: about a megabyte of excerpts, few enough round trips to not matter. */
export const DEFAULT_PAGE_SIZE = 4000;

/**
 * How long the transaction may wait, idle, for its consumer (a download that stopped reading):
 * then PostgreSQL ends the session and the read fails instead of holding a snapshot for ever.
 */
const IDLE_TIMEOUT = "60s";

const globalForPool = globalThis as unknown as { stancemapSnapshotPool?: pg.Pool };

/** The pool for streamed reads: at most four at once per app instance; more wait their turn. */
function snapshotPool(): pg.Pool {
  if (!globalForPool.stancemapSnapshotPool) {
    // A read that cannot get a connection within 10 s fails (the caller answers 503) instead of
    // queueing without bound behind downloads that are slow to read.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the server (a restart) is discarded by the pool; without a
    // listener its error would crash the process.
    pool.on("error", () => {});
    globalForPool.stancemapSnapshotPool = pool;
  }
  return globalForPool.stancemapSnapshotPool;
}

/**
 * Runs `read` in one consistent snapshot and passes on what it yields. The transaction begins
 * when the first value is asked for and ends (and the connection goes back to the pool) when
 * `read` is done, fails, or the consumer stops early (`return()` on the generator, as a cancelled
 * download does).
 */
export async function* readSnapshot<T>(read: (snapshot: TSnapshot) => AsyncIterable<T>): AsyncGenerator<T> {
  const client = await snapshotPool().connect();
  const query = inTurn(client);
  let failure: Error | undefined;
  let done = false;
  try {
    await query("begin isolation level repeatable read, read only");
    // Plan cursors for all their rows, as plain queries are planned. By default PostgreSQL plans a
    // cursor for its first rows: for the large map's evidence, nested loops sorted claim by claim,
    // which cost it about 60 % more CPU than one hash join and sort (measured on 2 shared cores).
    await query("set local cursor_tuple_fraction = 1");
    await query(`set local idle_in_transaction_session_timeout = '${IDLE_TIMEOUT}'`);
    yield* read(snapshotOf(query));
    await query("commit");
    done = true;
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    if (!done && !failure) {
      // The consumer stopped early: end the transaction; a connection that cannot is discarded.
      await query("rollback").catch((error: Error) => (failure = error));
    }
    client.release(failure);
  }
}

type TQuery = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * The connection's queries one after another. A reader may ask for several rows at once (as
 * `readMapOutline` does, which sends them all together through Prisma's pool); one connection
 * answers one query at a time anyway, and `pg` asks its callers not to pile queries up on a client.
 */
function inTurn(client: pg.PoolClient): TQuery {
  let last: Promise<unknown> = Promise.resolve();
  return (text, values) => {
    const result = last.then(() => client.query(text, values));
    last = result.catch(() => {});
    return result;
  };
}

let cursors = 0;

function snapshotOf(query: TQuery): TSnapshot {
  return {
    async rows<T>(sql: Prisma.Sql) {
      return (await query(sql.text, sql.values)).rows as T[];
    },
    async *pages<T>(sql: Prisma.Sql, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<T[]> {
      const name = `snapshot_${++cursors}`;
      await query(`declare ${name} no scroll cursor for ${sql.text}`, sql.values);
      const fetch = (): Promise<pg.QueryResult> => query(`fetch forward ${pageSize} from ${name}`);
      let next: Promise<pg.QueryResult> | null = fetch();
      try {
        while (next) {
          const rows: unknown[] = (await next).rows;
          // Ask for the following page before handing this one over, so the database works on it
          // while the caller formats this one.
          next = rows.length === pageSize ? fetch() : null;
          if (rows.length) yield rows as T[];
        }
      } finally {
        // A page still on its way when the caller stopped: let it arrive (or fail) before closing.
        if (next) await next.catch(() => {});
        // In a transaction a failed query has aborted, closing fails too; the failure itself is
        // what the caller sees.
        await query(`close ${name}`).catch(() => {});
      }
    },
  };
}
