/**
 * The Prisma client, one per process. It connects through the `pg` driver adapter to
 * DATABASE_URL, which the start-up path sets to the embedded server when the user gave none.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

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
