/** The names and words `npm run backup` and `npm run restore` use. */
import { describe, expect, it } from "vitest";
import { defaultBackupFile, formatBytes, formatCount } from "../backup";

describe("what the commands print", () => {
  it("names a backup by its UTC time under backups/", () => {
    expect(defaultBackupFile(new Date("2026-07-14T10:22:05.123Z"), "/srv/app/backups")).toBe("/srv/app/backups/stancemap-20260714T102205Z.backup.gz");
  });

  it("counts in words", () => {
    expect([formatCount(1, "workspace"), formatCount(0, "row"), formatCount(29, "table")]).toEqual(["1 workspace", "0 rows", "29 tables"]);
  });

  it("gives sizes in decimal units", () => {
    expect([999, 1000, 94_189, 1_400_000, 52_000_000_000].map(formatBytes)).toEqual(["999 B", "1.0 kB", "94 kB", "1.4 MB", "52 GB"]);
  });
});
