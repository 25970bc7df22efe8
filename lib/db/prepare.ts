/**
 * Start-up: find the database (the user's DATABASE_URL, or the embedded server), bring its schema
 * up to date and make sure the demo workspace exists. Used by `npm start`, scripts and tests.
 */
import path from "node:path";
import { createPrismaClient } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { ensureAuthSecret, ensureDemoOwnerPassword } from "./seed/accounts";
import { seedDemo } from "./seed/demo";

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function dataDir(): string {
  return path.resolve(process.env.STANCEMAP_DATA_DIR ?? path.join(process.cwd(), ".data"));
}

/** Resolves the database URL, starting the embedded server when DATABASE_URL is unset. */
export async function connectDatabase(log: (m: string) => void = console.log): Promise<PreparedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: dataDir(), log: (m) => log(`[postgres] ${m}`) });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

/**
 * Connects, migrates and seeds the demo; sets DATABASE_URL (and the session-signing secret, unless
 * BETTER_AUTH_SECRET is given) in process.env for the app.
 */
export async function prepareDatabase(options: { seed?: boolean; log?: (m: string) => void } = {}): Promise<PreparedDatabase> {
  const log = options.log ?? console.log;
  const database = await connectDatabase(log);
  try {
    // Migrations hold an advisory lock for their whole run: a session of their own, not a pooler's.
    const applied = await applyMigrations(process.env.DATABASE_DIRECT_URL || database.url);
    if (applied.length) log(`[db] applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const prisma = createPrismaClient(database.url);
    try {
      process.env.BETTER_AUTH_SECRET ||= await ensureAuthSecret(prisma);
      if (options.seed !== false) {
        const { created } = await seedDemo(prisma);
        if (created) log("[db] seeded the demo workspace 'sco-debate'");
        if (await ensureDemoOwnerPassword(prisma)) log("[db] the demo owner demo@stancemap.test can sign in (password: STANCEMAP_DEMO_PASSWORD, default 'stancemap-demo')");
      }
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  process.env.DATABASE_URL = database.url;
  return database;
}
