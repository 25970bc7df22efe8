/**
 * The backup file: gzip around one JSON header line, then each table's rows in PostgreSQL's COPY
 * text format (what `COPY … TO STDOUT` writes: one line a row, tabs between columns, `\N` for
 * null), cut into length-prefixed blocks, then a closing line:
 *
 *     {"format":"stancemap-backup","version":1,…}\n
 *     <n>\n<n bytes of COPY text>   …repeated…
 *     end <rows>\n                  …once per table, in the header's order
 *     complete\n
 *
 * Lengths rather than COPY's `\.` terminator let a reader hand each block to the server as it is,
 * without scanning the rows; the row count and the closing line (with gzip's own checksum) show a
 * file that was cut short or altered. The schema is not in the file: it is the migrations the
 * header lists, which the restoring Stancemap applies from its own copy of them.
 */
import { z } from "zod";
import type { Migration } from "./migrate";

export const BACKUP_FORMAT = "stancemap-backup";
export const BACKUP_VERSION = 1;

/** A header line longer than this is not one (the demo's is about 4 KB). */
const MAX_LINE = 1024 * 1024;
/** A block longer than this is not one (the server sends COPY data in pieces of about 64 KB). */
const MAX_BLOCK = 64 * 1024 * 1024;

export const ZBackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  /** `server_version` of the server the backup was taken from. */
  postgres: z.string(),
  database: z.string(),
  workspaces: z.number().int().nonnegative(),
  /** The applied migrations, which define the schema the rows fit. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
  /** Tables in the order they are written and loaded: a table after every table it references. */
  tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1) })).min(1),
  sequences: z.array(z.object({ name: z.string().min(1), value: z.string().regex(/^-?\d+$/), called: z.boolean() })),
});
export type TBackupHeader = z.infer<typeof ZBackupHeaderSchema>;

/** A file that is not a backup this Stancemap can read, or one that is damaged. */
export class BackupFileError extends Error {}

/** The header as the file's first line. */
export function formatBackupHeader(header: TBackupHeader): string {
  return `${JSON.stringify(header)}\n`;
}

/** Reads and checks the header line. */
export function parseBackupHeader(line: string): TBackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new BackupFileError("it does not begin with a Stancemap backup header");
  }
  if (json && typeof json === "object" && (json as { format?: unknown }).format === BACKUP_FORMAT && (json as { version?: unknown }).version !== BACKUP_VERSION) {
    throw new BackupFileError(`it is a backup of format version ${String((json as { version?: unknown }).version)}, which this Stancemap cannot read (it reads version ${BACKUP_VERSION})`);
  }
  const parsed = ZBackupHeaderSchema.safeParse(json);
  if (!parsed.success) throw new BackupFileError(`its header is not a Stancemap backup header (${parsed.error.issues[0].path.join(".") || "format"}: ${parsed.error.issues[0].message})`);
  return parsed.data;
}

/** The bytes that carry one piece of a table's COPY text. */
export function frameBlock(data: Buffer): Buffer[] {
  return [Buffer.from(`${data.length}\n`), data];
}

/** The line that ends a table, with the number of rows written for it. */
export function frameTableEnd(rows: number): Buffer {
  return Buffer.from(`end ${rows}\n`);
}

export const BACKUP_END = Buffer.from("complete\n");

/** Rows in a piece of COPY text: one line each (a newline inside a value is written as `\n`). */
export function countCopyRows(data: Buffer): number {
  let rows = 0;
  for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) rows++;
  return rows;
}

/** Reads a backup's decompressed bytes: its header, then each table's blocks, then its end. */
export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private exhausted = false;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** The header; the first thing to read. */
  async header(): Promise<TBackupHeader> {
    return parseBackupHeader(await this.line());
  }

  /**
   * The COPY text of the next table, block by block, as it arrives; `rows` is called with the
   * row count the file gives for it, once the table is read.
   */
  async *table(rows: (count: number) => void): AsyncGenerator<Buffer> {
    for (;;) {
      const line = await this.line();
      const end = /^end (\d+)$/.exec(line);
      if (end) {
        rows(Number(end[1]));
        return;
      }
      if (!/^\d+$/.test(line) || Number(line) > MAX_BLOCK) throw new BackupFileError(`it is damaged (a block starts with ${JSON.stringify(line.slice(0, 40))})`);
      yield* this.bytes(Number(line));
    }
  }

  /** Checks the closing line and that nothing follows it. */
  async end(): Promise<void> {
    const line = await this.line();
    if (`${line}\n` !== BACKUP_END.toString()) throw new BackupFileError(`it is damaged (${JSON.stringify(line.slice(0, 40))} where it should end)`);
    if (this.buffer.length > 0 || (await this.fill())) throw new BackupFileError("it is damaged (there is more after its end)");
  }

  private async line(): Promise<string> {
    let searched = 0;
    for (;;) {
      const at = this.buffer.indexOf(10, searched);
      if (at !== -1) {
        const line = this.buffer.subarray(0, at).toString("utf8");
        this.buffer = this.buffer.subarray(at + 1);
        return line;
      }
      searched = this.buffer.length;
      if (searched > MAX_LINE) throw new BackupFileError("it is not a Stancemap backup (no line break where one should be)");
      if (!(await this.fill())) throw new BackupFileError("it ends too early (the file was cut short)");
    }
  }

  private async *bytes(count: number): AsyncGenerator<Buffer> {
    let left = count;
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.fill())) throw new BackupFileError("it ends too early (the file was cut short)");
      const piece = this.buffer.subarray(0, left);
      this.buffer = this.buffer.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  private async fill(): Promise<boolean> {
    if (this.exhausted) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.exhausted = true;
      return false;
    }
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }
}

/**
 * Orders tables so that each comes after the tables it references (a table may reference itself:
 * one COPY checks its foreign keys when the statement ends). Ties go by name, so the order is
 * stable. Throws on a cycle between tables, which rows could not be loaded in.
 */
export function orderTablesByReferences(tables: readonly string[], references: readonly { from: string; to: string }[]): string[] {
  const waitingOn = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { from, to } of references) {
    if (from !== to && waitingOn.has(from) && waitingOn.has(to)) waitingOn.get(from)!.add(to);
  }
  const ordered: string[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn].filter(([, needs]) => needs.size === 0).map(([t]) => t).sort();
    if (ready.length === 0) throw new Error(`tables reference each other in a cycle: ${[...waitingOn.keys()].sort().join(", ")}`);
    for (const table of ready) {
      ordered.push(table);
      waitingOn.delete(table);
      for (const needs of waitingOn.values()) needs.delete(table);
    }
  }
  return ordered;
}

/**
 * The migrations, from this Stancemap's own, that rebuild the schema a backup was taken with.
 * Throws when the backup has one this Stancemap does not know (it was made by a newer version)
 * or one whose SQL differs from ours.
 */
export function selectBackupMigrations(backup: TBackupHeader["migrations"], known: readonly Migration[]): Migration[] {
  const byName = new Map(known.map((m) => [m.name, m]));
  return backup.map(({ name, checksum }) => {
    const migration = byName.get(name);
    if (!migration) throw new BackupFileError(`it was made by a newer Stancemap (its schema has the migration ${name}, which this one does not know): update Stancemap, then restore`);
    if (migration.checksum !== checksum) throw new BackupFileError(`its migration ${name} differs from this Stancemap's (checksum ${checksum.slice(0, 12)}… against ${migration.checksum.slice(0, 12)}…)`);
    return migration;
  });
}
