/**
 * The Prisma client, one per process. It connects through the `pg` driver adapter to
 * DATABASE_URL, which the start-up path sets to the embedded server when the user gave none.
 */
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

export function createPrismaClient(connectionString = process.env.DATABASE_URL, options: { max?: number } = {}): PrismaClient {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Stancemap with `npm start`, which provides a database.");
  }
  const pool = new pg.Pool({ connectionString, max: options.max ?? Number(process.env.STANCEMAP_DB_POOL ?? 10) });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/**
 * The connection pool under each client: `hotRows` sends its statements through it. Kept on
 * globalThis, as the shared client is: Next.js may load this module more than once (one copy per
 * server bundle), and every copy must find the pool of a client another copy made.
 */
const pools: WeakMap<PrismaClient, pg.Pool> = ((globalThis as unknown as { stancemapPools?: WeakMap<PrismaClient, pg.Pool> }).stancemapPools ??= new WeakMap());

/**
 * Named prepared statements for `hotRows` (STANCEMAP_PREPARED_STATEMENTS=off turns them off, for a
 * connection pooler that cannot keep them, such as PgBouncer in transaction mode before 1.21).
 */
const PREPARED = process.env.STANCEMAP_PREPARED_STATEMENTS !== "off";

/**
 * Runs one statement built with `Prisma.sql` straight on the client's pool, as a named prepared
 * statement: for the few statements every request or write runs (who is asking, may they, the
 * excerpt write). Each costs the app a third of what `$queryRaw` costs — the ORM's query
 * interpreter and its per-query promise chain are skipped — and PostgreSQL parses and plans it
 * once per connection. Rows come back as `pg` gives them: every statement here casts what it
 * selects (`::text`, `::int`, `json`). Dates are sent as UTC ISO strings, as Prisma sends them.
 * Only for statements of a fixed shape: each distinct text is prepared once on every connection.
 */
export async function hotRows<T>(query: Prisma.Sql, client: PrismaClient = db()): Promise<T[]> {
  const pool = pools.get(client);
  if (!pool) return client.$queryRawUnsafe<T[]>(query.text, ...query.values);
  const text = query.text;
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const result = await pool.query(PREPARED ? { name: statementName(text), text, values } : { text, values });
  return result.rows as T[];
}

const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `sm_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

const globalForPrisma = globalThis as unknown as { stancemapPrisma?: PrismaClient };

/** The shared client (created on first use, kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForPrisma.stancemapPrisma ??= createPrismaClient();
  return globalForPrisma.stancemapPrisma;
}

/**
 * Something that reads every row of a query built with `Prisma.sql`: `prismaRows`, or a snapshot of
 * the streamed reads (lib/db/snapshot.ts), so one query serves the pages and the exports alike.
 */
export interface TRowReader {
  rows<T>(query: Prisma.Sql): Promise<T[]>;
}

/** Reads through the shared client, each query on its own (not in one snapshot). */
export const prismaRows: TRowReader = {
  rows: <T>(query: Prisma.Sql) => db().$queryRaw<T[]>(query),
};
