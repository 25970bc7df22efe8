import "server-only";
import { db, Prisma } from "../../db/client";
import { MARK_CLOSE, MARK_OPEN, normalizeSearchText } from "../../domain/search";

/** How `ts_headline` marks the words it found, for `parseMarked` to read back. */
export const HIGHLIGHT_OPTIONS = `HighlightAll=true, StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;

/** The query as typed, in the form the database's texts are searched in. */
export function normalizeQuery(q: string): string {
  // Curly quotes pasted in a query ("“talk shop”") mean a phrase, as straight ones do.
  return normalizeSearchText(q.replace(/[\u201c\u201d\u201e]/g, '"'));
}

/** The user's query in PostgreSQL's web-search syntax: "quoted phrases", or, -excluded. */
export const userQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

/** Corrected words: all of them must occur. */
export const correctedQuery = (words: string) => Prisma.sql`plainto_tsquery('english', ${words})`;

/**
 * Runs a word-similarity query with sequential scans ruled out. The planner prices pg_trgm's
 * similarity test like an integer comparison, so on a table of a thousand claims it reads every
 * row and compares (about 20 ms) rather than ask the trigram index (about 0.1 ms).
 */
export async function withTrigramIndexes<T>(query: Prisma.PrismaPromise<T>): Promise<T> {
  const [, result] = await db().$transaction([db().$executeRaw`set local enable_seqscan = off`, query]);
  return result;
}
