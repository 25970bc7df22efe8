/**
 * The Prisma client, one per process. It connects through the `pg` driver adapter to
 * DATABASE_URL, which the start-up path sets to the embedded server when the user gave none.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client";

export type { PrismaClient } from "./generated/client";
export { Prisma } from "./generated/client";

export function createPrismaClient(connectionString = process.env.DATABASE_URL, options: { max?: number } = {}): PrismaClient {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start Stancemap with `npm start`, which provides a database.");
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: options.max ?? Number(process.env.STANCEMAP_DB_POOL ?? 10) }) });
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
