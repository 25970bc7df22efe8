/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { connectDatabase } from "../lib/db/prepare";
import { applyMigrations } from "../lib/db/migrate";

const database = await connectDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
} finally {
  await database.stop();
}
