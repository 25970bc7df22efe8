/**
 * Applies the committed Prisma migrations (plain SQL folders under prisma/migrations) without the
 * Prisma CLI, recording each in `_prisma_migrations` exactly as `prisma migrate deploy` does, so
 * that the CLI later sees them as applied. Each migration runs in its own transaction; an advisory
 * lock keeps two processes starting at once from applying the same migration twice.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The lock key `prisma migrate` itself takes, so the CLI and this runner exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the migration folders in the order Prisma applies them (by name). */
export function readMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies pending migrations; returns the names of those it applied. */
export async function applyMigrations(databaseUrl: string, migrations = readMigrations()): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(`
      create table if not exists "_prisma_migrations" (
        "id" varchar(36) primary key not null,
        "checksum" varchar(64) not null,
        "finished_at" timestamptz,
        "migration_name" varchar(255) not null,
        "logs" text,
        "rolled_back_at" timestamptz,
        "started_at" timestamptz not null default now(),
        "applied_steps_count" integer not null default 0
      )`);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `select migration_name, checksum, finished_at from "_prisma_migrations" where rolled_back_at is null`,
    );
    const applied = new Map(done.rows.map((row) => [row.migration_name, row]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const previous = applied.get(migration.name);
      if (previous?.finished_at) {
        if (previous.checksum !== migration.checksum) {
          console.warn(`[migrate] ${migration.name} was changed after it was applied (checksum differs)`);
        }
        continue;
      }
      if (previous) {
        throw new Error(`migration ${migration.name} failed earlier and was not rolled back; fix the database, then mark it rolled back`);
      }
      await client.query("begin");
      try {
        await client.query(migration.sql);
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           values ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      ran.push(migration.name);
    }
    return ran;
  } finally {
    await client.query("select pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}
