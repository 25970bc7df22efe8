/**
 * The demo owner's password on a production start: without STANCEMAP_DEMO_PASSWORD a fresh
 * database gets a random one, printed once in the start log, and the published development
 * password does not sign in; with the variable, that is the password.
 */
import { verifyPassword } from "better-auth/crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "../client";
import { prepareDatabase } from "../prepare";
import { DEFAULT_DEMO_PASSWORD } from "../seed/accounts";
import { DEMO_OWNER_EMAIL } from "../seed/demo";

const serverUrl = inject("databaseUrl");
const made: string[] = [];

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs the start-up path (`prepareDatabase`, as `npm start` does) on a new, empty database. */
async function startFresh(env: { STANCEMAP_DEMO_PASSWORD?: string }, demoPassword?: "known" | "generate") {
  const name = `stancemap_demo_password_${process.pid}_${made.length}`;
  made.push(name);
  await admin(`create database ${pg.escapeIdentifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const saved = { url: process.env.DATABASE_URL, password: process.env.STANCEMAP_DEMO_PASSWORD };
  process.env.DATABASE_URL = url.toString();
  if (env.STANCEMAP_DEMO_PASSWORD === undefined) delete process.env.STANCEMAP_DEMO_PASSWORD;
  else process.env.STANCEMAP_DEMO_PASSWORD = env.STANCEMAP_DEMO_PASSWORD;
  const log: string[] = [];
  try {
    await prepareDatabase({ log: (m) => log.push(m), demoPassword });
  } finally {
    process.env.DATABASE_URL = saved.url;
    if (saved.password === undefined) delete process.env.STANCEMAP_DEMO_PASSWORD;
    else process.env.STANCEMAP_DEMO_PASSWORD = saved.password;
  }
  const prisma = createPrismaClient(url.toString());
  try {
    const account = await prisma.account.findFirstOrThrow({ where: { providerId: "credential", user: { email: DEMO_OWNER_EMAIL } }, select: { password: true } });
    return { log: log.join("\n"), hash: account.password!, url: url.toString() };
  } finally {
    await prisma.$disconnect();
  }
}

const signsIn = (hash: string, password: string) => verifyPassword({ hash, password });

afterAll(async () => {
  for (const name of made) await admin(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
});

describe("the demo owner's password on a production start", () => {
  it("is generated and printed once when STANCEMAP_DEMO_PASSWORD is not set; the published one fails", async () => {
    const { log, hash, url } = await startFresh({});
    const printed = /sign in with the password: (\S+)/.exec(log)?.[1];
    expect(printed, log).toBeDefined();
    expect(printed).not.toBe(DEFAULT_DEMO_PASSWORD);
    expect(printed!.length).toBeGreaterThanOrEqual(20);
    expect(await signsIn(hash, printed!)).toBe(true);
    expect(await signsIn(hash, DEFAULT_DEMO_PASSWORD)).toBe(false);

    // A second start on the same data keeps the password and prints none.
    const saved = process.env.DATABASE_URL;
    const again: string[] = [];
    process.env.DATABASE_URL = url;
    try {
      await prepareDatabase({ log: (m) => again.push(m) });
    } finally {
      process.env.DATABASE_URL = saved;
    }
    expect(again.join("\n")).not.toMatch(/password/);
  });

  it("is STANCEMAP_DEMO_PASSWORD when set", async () => {
    const { log, hash } = await startFresh({ STANCEMAP_DEMO_PASSWORD: "a chosen demo password" });
    expect(log).not.toMatch(/a chosen demo password/);
    expect(await signsIn(hash, "a chosen demo password")).toBe(true);
    expect(await signsIn(hash, DEFAULT_DEMO_PASSWORD)).toBe(false);
  });

  it("is the published development password only when asked for (npm run dev, tests)", async () => {
    const { hash } = await startFresh({}, "known");
    expect(await signsIn(hash, DEFAULT_DEMO_PASSWORD)).toBe(true);
  });
});
