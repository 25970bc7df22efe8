/** Start-up path: migrations and the demo seed are idempotent; the embedded server can be shared. */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../client";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { applyMigrations, readMigrations } from "../migrate";
import { seedDemo } from "../seed/demo";

const databaseUrl = inject("databaseUrl");

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = await client.query(
      `select (select count(*) from "Workspace")::int as workspaces, (select count(*) from "Source")::int as sources,
              (select count(*) from "Claim")::int as claims, (select count(*) from "Excerpt")::int as excerpts,
              (select count(*) from "Evidence")::int as evidence, (select count(*) from "Event")::int as events`,
    );
    return row.rows[0];
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("records every migration as Prisma does, with the sha-256 of its SQL, and applies nothing twice", async () => {
    expect(await applyMigrations(databaseUrl)).toEqual([]);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const rows = (await client.query(`select migration_name, checksum, finished_at, applied_steps_count from "_prisma_migrations" order by migration_name`)).rows;
    await client.end();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(readMigrations()[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("demo seed", () => {
  it("changes nothing when run again", async () => {
    const before = await counts(databaseUrl);
    const prisma = createPrismaClient(databaseUrl);
    const result = await seedDemo(prisma);
    await prisma.$disconnect();
    expect(result.created).toBe(false);
    expect(await counts(databaseUrl)).toEqual(before);
    expect(before.sources).toBeGreaterThanOrEqual(5);
  });
});

describe("embedded PostgreSQL", () => {
  it("lets a second process attach to the running server instead of starting another", async () => {
    const dataDir = inject("embeddedDataDir");
    // With TEST_DATABASE_URL there is no embedded server yet: exercise a fresh one instead.
    const dir = dataDir || fs.mkdtempSync(path.join("/tmp", "stancemap-embedded-"));
    fs.chmodSync(dir, 0o755);
    const first = await startEmbeddedPostgres({ dataDir: dir, database: "postgres", log: () => {} });
    const second = await startEmbeddedPostgres({ dataDir: dir, database: "postgres", log: () => {} });
    expect(second.owned).toBe(false);
    expect(new URL(second.url).port).toBe(new URL(first.url).port);
    const client = new pg.Client({ connectionString: second.url });
    await client.connect();
    expect((await client.query("select 1 as one")).rows[0].one).toBe(1);
    await client.end();
    await second.stop();
    if (!dataDir) {
      await first.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
