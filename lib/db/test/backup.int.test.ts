/**
 * Backups against a real PostgreSQL: the run's database, with a new claim and comment in the demo,
 * backed up and restored into a new database on the same server, is the same database (every
 * row of every table, every sequence, and the demo's native export read by the app); a restore
 * refuses a database with workspaces without --force and one in use (by a running app too, whose
 * pools may hold no connection), and a damaged file leaves the target as it was. Also the two
 * commands, as `npm run backup` / `npm run restore` run them.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { TNativeDocument } from "@/lib/schemas/native-document";
import { createActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { POST as createClaim } from "@/app/api/workspaces/[slug]/claims/route";
import { POST as postComment } from "@/app/api/workspaces/[slug]/comments/route";
import { backupDatabase, BackupFileError, formatCount, restoreDatabase, RestoreRefusedError } from "../backup";
import { BACKUP_END, BackupReader, formatBackupHeader, frameBlock, frameTableEnd } from "../backup-format";
import { holdConnection } from "../hold-connection";

const run = promisify(execFile);
const databaseUrl = inject("databaseUrl");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stancemap-backup-test-"));
const copyName = `stancemap_restored_${process.pid}_${Date.now()}`;
const copyUrl = urlOf(copyName);
const backup = path.join(dir, "demo.backup.gz");

const CLAIM = "The SCO's summits matter more than its treaties.";
const COMMENT = "Which summit shows this best? https://example.org/summit";

function urlOf(database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table (generated columns too) and every sequence's state, as text. */
async function contents(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>(`select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by relname`)).rows;
    const sequences = (await client.query<{ name: string }>(`select relname as name from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace order by relname`)).rows;
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const t = pg.escapeIdentifier(name);
      result[name] = (await client.query<{ rows: string }>(`select coalesce(json_agg(t order by t::text), '[]')::text as rows from ${t} t`)).rows[0].rows;
    }
    for (const { name } of sequences) {
      result[`sequence ${name}`] = JSON.stringify((await client.query(`select last_value::text, is_called from ${pg.escapeIdentifier(name)}`)).rows[0]);
    }
    return result;
  } finally {
    await client.end();
  }
}

/** The demo's native JSON export with comments, made by the app's export in a process pointed at `url`. */
async function exportDemo(url: string): Promise<TNativeDocument> {
  const file = path.join(dir, `export-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/testing/write-native-export.ts", "sco-debate", file], { env: { ...process.env, DATABASE_URL: url } });
  return JSON.parse(fs.readFileSync(file, "utf8")) as TNativeDocument;
}

const withoutTime = ({ exportedAt: _at, ...doc }: TNativeDocument) => doc;

/** Databases left beside the copy by a restore (its new database, or the one it replaced). */
async function leftovers(): Promise<string[]> {
  return (await query<{ datname: string }>(databaseUrl, `select datname from pg_database where datname like $1 order by datname`, [`${copyName}\\_%`])).map((r) => r.datname);
}

/** Runs `npm run backup` / `npm run restore`'s script on `url`; never throws for a failing exit. */
async function runScript(script: string, args: string[], url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, DATABASE_URL: url } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Writes `from` again as `to` with each table's COPY text and row count passed through `edit`. */
async function rewriteBackup(from: string, to: string, edit: (table: string, rows: string, count: number) => { rows: string; count: number }): Promise<void> {
  const reader = new BackupReader((async function* () {
    yield zlib.gunzipSync(fs.readFileSync(from));
  })());
  const header = await reader.header();
  const parts: Buffer[] = [Buffer.from(formatBackupHeader(header))];
  for (const table of header.tables) {
    let count = -1;
    const pieces: Buffer[] = [];
    for await (const piece of reader.table((n) => (count = n))) pieces.push(piece);
    const edited = edit(table.name, Buffer.concat(pieces).toString("utf8"), count);
    if (edited.rows) parts.push(...frameBlock(Buffer.from(edited.rows, "utf8")));
    parts.push(frameTableEnd(edited.count));
  }
  await reader.end();
  parts.push(BACKUP_END);
  fs.writeFileSync(to, zlib.gzipSync(Buffer.concat(parts)));
}

/** Waits until `n` sessions other than this one are connected to the copy (a closed one lingers a moment). */
async function waitForSessions(n: number): Promise<void> {
  for (let tries = 0; ; tries++) {
    const [{ sessions }] = await query<{ sessions: number }>(databaseUrl, `select count(*)::int as sessions from pg_stat_activity where datname = $1`, [copyName]);
    if (sessions === n) return;
    if (tries > 100) throw new Error(`${sessions} sessions on the copy, waiting for ${n}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let before: Record<string, string>;
let exportedBefore: TNativeDocument;

beforeAll(async () => {
  const editor = await createActor("sco-debate", "EDITOR", "Backup Editor");
  const claim = await call(createClaim, { method: "POST", params: { slug: "sco-debate" }, body: { text: CLAIM, tags: ["summits"] }, headers: editor.headers });
  expect(claim.status).toBe(201);
  const comment = await call(postComment, { method: "POST", params: { slug: "sco-debate" }, body: { target: { type: "claim", id: claim.body.id }, body: COMMENT }, headers: editor.headers });
  expect(comment.status).toBe(201);
  before = await contents(databaseUrl);
  exportedBefore = await exportDemo(databaseUrl);
  expect(exportedBefore.claims.map((c) => c.text)).toContain(CLAIM);
  expect(exportedBefore.comments?.map((c) => c.body)).toContain(COMMENT);
});

afterAll(async () => {
  for (const name of [copyName, ...(await leftovers())]) await query(databaseUrl, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into a new database exactly what was backed up: every row, every sequence, the demo's export", async () => {
    const workspaces = (await query<{ n: number }>(databaseUrl, `select count(*)::int as n from "Workspace"`))[0].n;
    const made = await backupDatabase(databaseUrl, backup);
    expect(made).toMatchObject({ file: backup, workspaces, tables: Object.keys(before).filter((k) => !k.startsWith("sequence ")).length });
    expect(made.bytes).toBe(fs.statSync(backup).size);
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${backup}.partial`)).toBe(false);

    await query(databaseUrl, `create database ${pg.escapeIdentifier(copyName)}`);
    const restored = await restoreDatabase({ url: copyUrl, file: backup });
    expect(restored).toMatchObject({ database: copyName, replacedWorkspaces: 0, workspaces, rows: made.rows });

    expect(await contents(copyUrl)).toEqual(before);
    const exportedAfter = await exportDemo(copyUrl);
    expect(withoutTime(exportedAfter)).toEqual(withoutTime(exportedBefore));
    expect(exportedAfter.comments?.find((c) => c.body === COMMENT)?.author).toBe("Backup Editor");
    expect(await leftovers()).toEqual([]);
  }, 90_000);

  it("keeps the restored database working: search passages are the backup's, not written again, and new events follow on", async () => {
    const [{ passages }] = await query<{ passages: number }>(copyUrl, `select count(*)::int as passages from "Passage"`);
    expect(passages).toBe(JSON.parse(before.Passage).length);
    const [{ triggers }] = await query<{ triggers: number }>(copyUrl, `select count(*)::int as triggers from pg_trigger where not tgisinternal and tgenabled = 'O'`);
    expect(triggers).toBeGreaterThan(0);
    const [{ next }] = await query<{ next: string }>(copyUrl, `select nextval('"Event_id_seq"')::text as next`);
    const [{ max }] = await query<{ max: string }>(copyUrl, `select max(id)::text as max from "Event"`);
    expect(BigInt(next)).toBeGreaterThan(BigInt(max));
  });

  it("refuses a database that holds workspaces unless forced, and one in use even when forced; either way nothing changes", async () => {
    const copyBefore = await contents(copyUrl);
    const slugs = (await query<{ slug: string }>(copyUrl, `select slug from "Workspace" order by slug`)).map((r) => r.slug);
    expect(slugs).toContain("sco-debate");
    const refused = restoreDatabase({ url: copyUrl, file: backup });
    await expect(refused).rejects.toThrow(RestoreRefusedError);
    await expect(refused).rejects.toThrow(
      `database "${copyName}" on ${new URL(copyUrl).host} holds ${formatCount(slugs.length, "workspace")} (${slugs.slice(0, 5).join(", ")}${slugs.length > 5 ? ", …" : ""}). ` +
        "Restoring replaces everything in it with the backup; run again with --force to do that.",
    );

    const user = new pg.Client({ connectionString: copyUrl });
    await user.connect();
    try {
      await expect(restoreDatabase({ url: copyUrl, file: backup, force: true })).rejects.toThrow(/is in use \(1 connection\)\. Stop Stancemap and anything else connected to it/);
    } finally {
      await user.end();
    }
    await waitForSessions(0);

    // A running app whose pools have closed their idle connections still holds one.
    const app = holdConnection(copyUrl);
    try {
      await waitForSessions(1);
      await expect(restoreDatabase({ url: copyUrl, file: backup, force: true })).rejects.toThrow(/is in use \(1 connection: stancemap\) — Stancemap is running on it\. Stop Stancemap/);
    } finally {
      await app.release();
    }
    await waitForSessions(0);
    expect(await contents(copyUrl)).toEqual(copyBefore);
    expect(await leftovers()).toEqual([]);
  });

  it("leaves the target as it was when the file is cut short, damaged inside, or not a backup", async () => {
    await query(copyUrl, `update "Claim" set text = 'Changed after the restore.' where text = $1`, [CLAIM]);
    const changed = await contents(copyUrl);
    const whole = fs.readFileSync(backup);
    const cutShort = path.join(dir, "cut-short.backup.gz");
    fs.writeFileSync(cutShort, whole.subarray(0, Math.floor(whole.length * 0.6)));
    // Both found after other tables' rows are already in the new database.
    const miscounted = path.join(dir, "miscounted.backup.gz");
    await rewriteBackup(backup, miscounted, (table, rows, count) => ({ rows, count: table === "Claim" ? count + 1 : count }));
    const badRow = path.join(dir, "bad-row.backup.gz");
    await rewriteBackup(backup, badRow, (table, rows, count) => ({ rows: table === "Comment" ? rows.replace(/^(.*Which summit shows this best\?.*)$/m, "$1\tone column too many") : rows, count }));
    const notBackup = path.join(dir, "notes.txt");
    fs.writeFileSync(notBackup, "These are not the rows you are looking for.\n");

    const attempts: [string, RegExp][] = [
      [cutShort, /cut short|damaged/],
      [miscounted, /damaged \(\d+ rows of \w+ where it says \d+\)/],
      [badRow, /loading the rows of Comment failed: extra data after last expected column/],
      [notBackup, /not a Stancemap backup/],
    ];
    for (const [file, message] of attempts) {
      await expect(restoreDatabase({ url: copyUrl, file, force: true }), file).rejects.toThrow(message);
      expect(await contents(copyUrl)).toEqual(changed);
      expect(await leftovers()).toEqual([]);
    }
    await expect(restoreDatabase({ url: copyUrl, file: notBackup, force: true })).rejects.toThrow(BackupFileError);
  }, 90_000);

  it("npm run backup writes a file and names it with its size; npm run restore refuses without --force, then replaces with it", async () => {
    const file = path.join(dir, "cli.backup.gz");
    const backedUp = await runScript("scripts/backup.ts", [file], databaseUrl);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toContain(`wrote ${file} (`);
    expect(backedUp.stdout).toMatch(/\(\d+(\.\d)? [kMG]?B\): \d+ workspaces?, \d+ rows in \d+ tables/);

    const refused = await runScript("scripts/restore.ts", [file], copyUrl);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^backup .*cli\.backup\.gz \(\d+(\.\d)? [kMG]?B\): database "stancemap_test_\w+" on PostgreSQL \d+/m);
    expect(refused.stderr).toMatch(/not restored: database ".*" on .* holds \d+ workspaces? \(/);

    const forced = await runScript("scripts/restore.ts", [file, "--force"], copyUrl);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("--force: ");
    expect(forced.stdout).toMatch(new RegExp(`restored: database "${copyName}" now holds \\d+ workspaces? `));
    expect(await contents(copyUrl)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  }, 120_000);
});
