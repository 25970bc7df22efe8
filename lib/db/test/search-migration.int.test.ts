/**
 * The search migration on a database that already holds sources: it must split them into passages
 * and collect their words as it runs (the trigger only sees sources written afterwards).
 */
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, readMigrations } from "../migrate";

const SEARCH_MIGRATION = "20261126100000_search";

describe(`migration ${SEARCH_MIGRATION}`, () => {
  it("writes the passages and words of the sources that exist before it", async () => {
    const server = new URL(inject("databaseUrl"));
    const name = `stancemap_backfill_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`create database ${admin.escapeIdentifier(name)}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      const all = readMigrations();
      const before = all.filter((m) => m.name < SEARCH_MIGRATION);
      expect(all.map((m) => m.name)).toContain(SEARCH_MIGRATION);
      await applyMigrations(url.toString(), before);

      const text = "An older article about the quindle accord.\n\nIts second 🌍 paragraph.";
      await client.connect();
      const [{ id: workspaceId }] = (await client.query(`insert into "Workspace" (slug, title, "updatedAt") values ('old', 'Old', now()) returning id`)).rows;
      const [{ id: authorId }] = (await client.query(`insert into "Author" ("workspaceId", name, "shortName") values ($1, 'Old Author', 'Old') returning id`, [workspaceId])).rows;
      const [{ id: sourceId }] = (
        await client.query(
          `insert into "Source" ("workspaceId", "authorId", title, "publishedOn", "publishedPrecision", text, "updatedAt") values ($1, $2, 'Old news', '2001-01-01', 'YEAR', $3, now()) returning id`,
          [workspaceId, authorId, text],
        )
      ).rows;

      expect(await applyMigrations(url.toString())).toEqual(all.filter((m) => m.name >= SEARCH_MIGRATION).map((m) => m.name));
      const passages = (await client.query(`select start, "end", text from "Passage" where "sourceId" = $1 order by start`, [sourceId])).rows;
      expect(passages.map((p) => text.slice(p.start, p.end))).toEqual(["An older article about the quindle accord.", "Its second 🌍 paragraph."]);
      expect(passages.map((p) => p.text)).toEqual(passages.map((p) => text.slice(p.start, p.end)));
      const words = (await client.query(`select word from "SearchWord" where "workspaceId" = $1 order by word`, [workspaceId])).rows.map((r) => r.word);
      expect(words).toEqual(expect.arrayContaining(["accord", "quindle", "paragraph"]));
      const found = (await client.query(`select count(*)::int as n from "Passage" where "searchVector" @@ websearch_to_tsquery('english', 'quindle accords')`)).rows[0].n;
      expect(found).toBe(1);
    } finally {
      await client.end().catch(() => {});
      await admin.query(`drop database if exists ${admin.escapeIdentifier(name)} with (force)`);
      await admin.end();
    }
  });
});
