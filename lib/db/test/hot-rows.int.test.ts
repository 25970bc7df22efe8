/**
 * `hotRows`: a statement built with `Prisma.sql` runs as a named prepared statement on the pool
 * under Prisma's client — also from a second copy of the module (Next.js loads one per server
 * bundle), which must find the pool of the client the first copy made.
 */
import { describe, expect, it, vi } from "vitest";
import { db, hotRows, Prisma } from "../client";

/** The prepared statements of the connection the statement itself ran on (it is one of them). */
const preparedHere = () => Prisma.sql`select name, statement from pg_prepared_statements where statement like ${"%pg_prepared_statements%"}`;

describe("hotRows", () => {
  it("prepares the statement under a name derived from its text, and sends its values", async () => {
    const rows = await hotRows<{ name: string }>(preparedHere());
    expect(rows.map((r) => r.name)).toEqual([expect.stringMatching(/^sm_[0-9a-f]{20}$/)]);
    const echoed = await hotRows<{ n: number; t: string; at: string }>(Prisma.sql`select ${41}::int + 1 as n, ${"it's"}::text as t, ${new Date("2026-01-02T03:04:05.678Z")}::timestamp(3)::text as at`);
    // A date goes as UTC, as Prisma sends it (a timestamp column holds UTC).
    expect(echoed).toEqual([{ n: 42, t: "it's", at: "2026-01-02 03:04:05.678" }]);
  });

  it("finds the pool of the shared client from another copy of the module", async () => {
    const shared = db();
    vi.resetModules();
    const copy = await import("../client");
    expect(copy.db()).toBe(shared);
    const rows = await copy.hotRows<{ name: string }>(copy.Prisma.sql`select name from pg_prepared_statements where statement like ${"%copy of the module%"} -- copy of the module`);
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toMatch(/^sm_/);
  });
});
