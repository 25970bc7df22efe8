/**
 * Start-up: find the database (the user's DATABASE_URL, or the embedded server), bring its schema
 * up to date and make sure the demo workspace exists. Used by `npm start`, scripts and tests.
 */
import path from "node:path";
import { createPrismaClient } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";
import { chooseDemoPassword, ensureAuthSecret, ensureDemoOwnerPassword, type TDemoPasswordMode } from "./seed/accounts";
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
 * BETTER_AUTH_SECRET is given) in process.env for the app. The demo owner's first password is
 * generated and printed once unless `demoPassword: "known"` (development) or
 * STANCEMAP_DEMO_PASSWORD says otherwise.
 */
export async function prepareDatabase(options: { seed?: boolean; log?: (m: string) => void; demoPassword?: TDemoPasswordMode } = {}): Promise<PreparedDatabase> {
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
        await seedDemoOwnerPassword(prisma, options.demoPassword ?? "generate", log);
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

/**
 * Gives the demo owner their first password and says how to sign in. A generated one is printed
 * here once, as the only place it is ever shown (it is stored hashed).
 */
export async function seedDemoOwnerPassword(prisma: ReturnType<typeof createPrismaClient>, mode: TDemoPasswordMode, log: (m: string) => void): Promise<void> {
  const { password, generated } = chooseDemoPassword(mode);
  if (!(await ensureDemoOwnerPassword(prisma, password))) return;
  if (generated) {
    log(`[db] the demo owner demo@stancemap.test can sign in with the password: ${password}`);
    log("[db] (generated now and shown only this once; set STANCEMAP_DEMO_PASSWORD before the first start to choose it)");
  } else {
    log(`[db] the demo owner demo@stancemap.test can sign in (password: ${process.env.STANCEMAP_DEMO_PASSWORD ? "STANCEMAP_DEMO_PASSWORD" : "'stancemap-demo', for development only"})`);
  }
}
