/** The backup file's framing and header, the load order of tables, and which migrations rebuild a backup's schema. */
import { describe, expect, it } from "vitest";
import {
  BACKUP_END,
  BackupFileError,
  BackupReader,
  countCopyRows,
  formatBackupHeader,
  frameBlock,
  frameTableEnd,
  orderTablesByReferences,
  parseBackupHeader,
  selectBackupMigrations,
  type TBackupHeader,
} from "../backup-format";

const sha = (c: string) => c.repeat(64);

const header: TBackupHeader = {
  format: "stancemap-backup",
  version: 1,
  createdAt: "2026-07-14T10:22:05.123Z",
  postgres: "18.1",
  database: "stancemap",
  workspaces: 2,
  migrations: [
    { name: "20261125170000_init", checksum: sha("a") },
    { name: "20261126100000_search", checksum: sha("b") },
  ],
  tables: [
    { name: "Workspace", columns: ["id", "slug"] },
    { name: "Claim", columns: ["id", "workspaceId", "text"] },
  ],
  sequences: [{ name: "Event_id_seq", value: "42", called: true }],
};

/** The bytes handed over in pieces of `size`, as a decompressing stream would. */
async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function file(...parts: (Buffer | Buffer[])[]): Buffer {
  return Buffer.concat(parts.flat());
}

const workspaceRows = Buffer.from("w1\tsco-debate\nw2\tother\n");
const claimRows = [Buffer.from("c1\tw1\tThe SCO is a bloc.\\nWith a line break\n"), Buffer.from("c2\tw2\t\\N\n")];
const complete = file(
  Buffer.from(formatBackupHeader(header)),
  frameBlock(workspaceRows),
  frameTableEnd(2),
  frameBlock(claimRows[0]),
  frameBlock(claimRows[1]),
  frameTableEnd(2),
  BACKUP_END,
);

async function readAll(reader: BackupReader) {
  const read = { header: await reader.header(), tables: [] as { bytes: string; rows: number }[] };
  for (let i = 0; i < read.header.tables.length; i++) {
    let rows = -1;
    const pieces: Buffer[] = [];
    for await (const piece of reader.table((n) => (rows = n))) pieces.push(piece);
    read.tables.push({ bytes: Buffer.concat(pieces).toString(), rows });
  }
  await reader.end();
  return read;
}

describe("BackupReader", () => {
  it("gives back the header and each table's exact bytes and row count, however the stream is cut", async () => {
    for (const size of [1, 7, 64, complete.length]) {
      const read = await readAll(new BackupReader(inPieces(complete, size)));
      expect(read.header).toEqual(header);
      expect(read.tables).toEqual([
        { bytes: workspaceRows.toString(), rows: 2 },
        { bytes: Buffer.concat(claimRows).toString(), rows: 2 },
      ]);
    }
  });

  it("says a file cut short, in a block or before its end, is cut short", async () => {
    for (const cut of [complete.length - BACKUP_END.length, complete.length - BACKUP_END.length - 10, complete.indexOf("c1\t") + 3]) {
      await expect(readAll(new BackupReader(inPieces(complete.subarray(0, cut), 16)))).rejects.toThrow(/cut short/);
    }
  });

  it("refuses a block whose length line is not a number, and bytes after the end", async () => {
    const badBlock = file(Buffer.from(formatBackupHeader(header)), Buffer.from("twelve\n"));
    await expect(readAll(new BackupReader(inPieces(badBlock, 16)))).rejects.toThrow(/damaged \(a block starts with "twelve"\)/);
    await expect(readAll(new BackupReader(inPieces(file(complete, Buffer.from("x")), 16)))).rejects.toThrow(/more after its end/);
    const wrongEnd = file(complete.subarray(0, complete.length - BACKUP_END.length), Buffer.from("finished\n"));
    await expect(readAll(new BackupReader(inPieces(wrongEnd, 16)))).rejects.toThrow(/"finished" where it should end/);
  });

  it("refuses a file with no header line instead of reading it whole", async () => {
    const noLineBreak = Buffer.alloc(2 * 1024 * 1024, "a");
    await expect(new BackupReader(inPieces(noLineBreak, 64 * 1024)).header()).rejects.toThrow(/not a Stancemap backup/);
  });
});

describe("parseBackupHeader", () => {
  it("reads what formatBackupHeader writes", () => {
    expect(parseBackupHeader(formatBackupHeader(header).trimEnd())).toEqual(header);
  });

  it("refuses other files and names what is wrong", () => {
    expect(() => parseBackupHeader("PGDMP\u0001")).toThrow(BackupFileError);
    expect(() => parseBackupHeader(JSON.stringify({ hello: "world" }))).toThrow(/not a Stancemap backup header \(format:/);
    expect(() => parseBackupHeader(JSON.stringify({ ...header, tables: [] }))).toThrow(/tables/);
    expect(() => parseBackupHeader(JSON.stringify({ ...header, version: 2 }))).toThrow(/format version 2, which this Stancemap cannot read/);
  });
});

describe("orderTablesByReferences", () => {
  it("puts each table after the tables it references, by name among equals, allowing self-references", () => {
    const order = orderTablesByReferences(
      ["Comment", "Claim", "Workspace", "User", "Evidence"],
      [
        { from: "Claim", to: "Workspace" },
        { from: "Comment", to: "Claim" },
        { from: "Comment", to: "Comment" },
        { from: "Comment", to: "User" },
        { from: "Evidence", to: "Claim" },
      ],
    );
    expect(order).toEqual(["User", "Workspace", "Claim", "Comment", "Evidence"]);
  });

  it("throws on tables that reference each other in a cycle", () => {
    expect(() => orderTablesByReferences(["A", "B", "C"], [{ from: "A", to: "B" }, { from: "B", to: "A" }])).toThrow("tables reference each other in a cycle: A, B");
  });
});

describe("selectBackupMigrations", () => {
  const ours = [
    { name: "20261125170000_init", sql: "init", checksum: sha("a") },
    { name: "20261126100000_search", sql: "search", checksum: sha("b") },
    { name: "20261126140000_comments", sql: "comments", checksum: sha("c") },
  ];

  it("takes ours for the migrations the backup lists, and only those (newer ones wait for start-up)", () => {
    expect(selectBackupMigrations(header.migrations, ours).map((m) => m.sql)).toEqual(["init", "search"]);
  });

  it("refuses a backup from a newer Stancemap, and one whose migration differs from ours", () => {
    expect(() => selectBackupMigrations([...header.migrations, { name: "20270101000000_future", checksum: sha("d") }], ours)).toThrow(/made by a newer Stancemap .*20270101000000_future/);
    expect(() => selectBackupMigrations([{ name: "20261125170000_init", checksum: sha("e") }], ours)).toThrow(/migration 20261125170000_init differs/);
  });
});

describe("countCopyRows", () => {
  it("counts COPY rows by their line ends", () => {
    expect(countCopyRows(Buffer.concat(claimRows))).toBe(2);
    expect(countCopyRows(Buffer.alloc(0))).toBe(0);
  });
});
