/**
 * `npm run restore -- <file> [--force]`: replaces the current database (DATABASE_URL, or the
 * embedded one in STANCEMAP_DATA_DIR / `.data`, created if there is none yet) with a backup from
 * `npm run backup`. Refuses a database that holds workspaces unless --force is given, and one that
 * is in use: stop the app first. All or nothing: on any failure the database is left as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { BackupFileError, formatBytes, formatCount, readBackupHeader, restoreDatabase, RestoreRefusedError } from "../lib/db/backup";
import { connectDatabase, dataDir } from "../lib/db/prepare";

const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((a) => a !== "--force");
if (files.length !== 1 || files[0].startsWith("-")) {
  console.error("usage: npm run restore -- <file> [--force]");
  process.exit(2);
}
const file = path.resolve(files[0]);

async function main(): Promise<number> {
  let header;
  try {
    header = await readBackupHeader(file);
  } catch (error) {
    const reason = error instanceof BackupFileError ? error.message : (error as Error).message;
    console.error(`cannot restore ${file}: ${reason}`);
    return 1;
  }
  console.log(
    `backup ${file} (${formatBytes(fs.statSync(file).size)}): database "${header.database}" on PostgreSQL ${header.postgres}, ` +
      `taken ${header.createdAt}, ${formatCount(header.workspaces, "workspace")}, ${formatCount(header.migrations.length, "migration")}`,
  );
  const database = await connectDatabase();
  try {
    if (database.embedded) console.log(`restoring into the embedded database in ${dataDir()}`);
    const result = await restoreDatabase({ url: database.url, file, force, log: (m) => console.log(m) });
    console.log(`restored: database "${result.database}" now holds ${formatCount(result.workspaces, "workspace")} (${formatCount(result.rows, "row")} in ${formatCount(result.tables, "table")}); \`npm start\` applies any newer migrations`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RestoreRefusedError) console.error(`not restored: ${message}`);
    else if (error instanceof BackupFileError) console.error(`not restored, nothing was changed: ${file}: ${message}`);
    else console.error(`restore failed, nothing was changed: ${message}`);
    return 1;
  } finally {
    await database.stop();
  }
}

process.exit(await main());
