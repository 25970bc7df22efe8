/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL when given (a server the
 * tests may create databases on), otherwise an embedded server in a temporary directory. Each run
 * gets a fresh database, migrated with the same runner `npm start` uses, and seeded with the demo.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../db/client";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { applyMigrations } from "../db/migrate";
import { ensureDemoOwnerPassword } from "../db/seed/accounts";
import { seedDemo } from "../db/seed/demo";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  let dataDir = "";
  if (!serverUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stancemap-test-"));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
    const server = await startEmbeddedPostgres({ dataDir, database: "postgres", port: 55400, log: () => {} });
    serverUrl = server.url;
    stopServer = server.stop;
  }
  const database = `stancemap_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${admin.escapeIdentifier(database)}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  await seedDemo(prisma);
  await ensureDemoOwnerPassword(prisma);
  await prisma.$disconnect();

  project.provide("databaseUrl", databaseUrl);
  project.provide("embeddedDataDir", dataDir);

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${cleanup.escapeIdentifier(database)} with (force)`);
    await cleanup.end();
    await stopServer();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
