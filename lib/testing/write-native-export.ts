/**
 * `node --conditions=react-server --import tsx lib/testing/write-native-export.ts <slug> <file>`:
 * writes the native JSON export (with comments) of one workspace of DATABASE_URL to `file`, through
 * the app's own export. The backup test runs it in a process of its own for each database it
 * compares, since the app reads exports on one pool per process, made for DATABASE_URL.
 */
import fs from "node:fs";
import pg from "pg";
import { streamNativeDocument } from "../server/export/stream-native-document";

const [slug, file] = process.argv.slice(2);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const [workspace] = (await client.query<{ id: string }>(`select id::text from "Workspace" where slug = $1`, [slug])).rows;
await client.end();
if (!workspace) throw new Error(`no workspace ${slug}`);
let json = "";
for await (const chunk of streamNativeDocument(workspace.id, { comments: true })) json += chunk;
fs.writeFileSync(file, json);
// The export's connection pool would keep the process alive for its idle timeout.
process.exit(0);
