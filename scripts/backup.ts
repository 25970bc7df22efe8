/**
 * `npm run backup [-- <file>]`: writes the current database (DATABASE_URL, or the embedded one in
 * STANCEMAP_DATA_DIR / `.data`) to a file, by default `backups/stancemap-<UTC time>.backup.gz`.
 * Safe while the app runs: the rows are read in one snapshot, and an embedded server already
 * started by the app is attached to, not started again.
 */
import path from "node:path";
import { backupDatabase, defaultBackupFile, describeDatabaseUrl, formatBytes, formatCount } from "../lib/db/backup";
import { hasEmbeddedCluster } from "../lib/db/embedded-postgres";
import { connectDatabase, dataDir } from "../lib/db/prepare";

const args = process.argv.slice(2);
if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
  console.error("usage: npm run backup [-- <file>]");
  process.exit(2);
}
if (!process.env.DATABASE_URL && !hasEmbeddedCluster(dataDir())) {
  console.error(`There is no database to back up: ${dataDir()} holds no embedded database (set STANCEMAP_DATA_DIR to the one the app uses, or DATABASE_URL).`);
  process.exit(1);
}
const file = path.resolve(args[0] ?? defaultBackupFile());
const database = await connectDatabase();
let code = 0;
try {
  console.log(`backing up ${describeDatabaseUrl(database.url)}${database.embedded ? ` (embedded, ${dataDir()})` : ""}`);
  const result = await backupDatabase(database.url, file);
  console.log(`wrote ${file} (${formatBytes(result.bytes)}): ${formatCount(result.workspaces, "workspace")}, ${formatCount(result.rows, "row")} in ${formatCount(result.tables, "table")}`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await database.stop();
}
process.exit(code);
