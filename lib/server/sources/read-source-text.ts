import "server-only";
import { Prisma } from "../../db/client";
import type { TTx } from "../mutation";
import { TextCache } from "./text-cache";

/** Characters of source text kept per process (≈ 16–32 MB; a large workspace's 200 sources are 5 MB). */
const CACHE_CHARS = 8 * 1024 * 1024;

const globalForCache = globalThis as unknown as { stancemapSourceTexts?: TextCache };
const cache = (globalForCache.stancemapSourceTexts ??= new TextCache(CACHE_CHARS));

/**
 * A "Source" row's stamp: its `version` and its `xmin` (the transaction that wrote this row
 * version). Every UPDATE of the row, whether or not it bumps `version`, gives it a new xmin, so a
 * text filed under a stamp can never stand for a changed text.
 */
export const SOURCE_STAMP = Prisma.raw(`version::text || ':' || xmin::text`);

/**
 * The text held in memory for a source, with the stamp it was read at, without asking the
 * database: a caller that uses it must check the stamp in the statement that relies on it.
 */
export function peekSourceText(sourceId: string): { stamp: string; text: string } | null {
  const stamp = cache.stampOf(sourceId);
  const text = stamp === null ? null : cache.get(sourceId, stamp);
  return stamp !== null && text !== null ? { stamp, text } : null;
}

/**
 * The text of a live source of the workspace, or null when there is none. Anchoring a selection
 * needs the whole text, and reading a long text out of PostgreSQL on every write cost more than
 * the write: a text read once is kept in memory under its row's stamp, and later calls ask the
 * database only for the stamp (SOURCE_STAMP), receiving the text again only when the stamp
 * differs. The read runs in the caller's transaction and sees the row as that transaction does.
 */
export async function readSourceText(tx: TTx, workspaceId: string, sourceId: string): Promise<string | null> {
  const known = cache.stampOf(sourceId);
  const row = await readRow(tx, workspaceId, sourceId, known);
  if (!row) return null;
  if (row.text !== null) {
    cache.set(sourceId, row.stamp, row.text);
    return row.text;
  }
  // The stamp matched what was held a moment ago; if other requests have pushed it out since,
  // read the text in full after all.
  return cache.get(sourceId, row.stamp) ?? readSourceTextInFull(tx, workspaceId, sourceId);
}

async function readSourceTextInFull(tx: TTx, workspaceId: string, sourceId: string): Promise<string | null> {
  const row = await readRow(tx, workspaceId, sourceId, null);
  if (!row) return null;
  // With no stamp to compare, the query always returns the text (the column is NOT NULL).
  const text = row.text ?? "";
  cache.set(sourceId, row.stamp, text);
  return text;
}

/** The row's stamp, with its text unless the stamp equals `known`. */
async function readRow(tx: TTx, workspaceId: string, sourceId: string, known: string | null): Promise<{ stamp: string; text: string | null } | null> {
  const rows = await tx.$queryRaw<{ stamp: string; text: string | null }[]>`
    select s.stamp, case when s.stamp = ${known ?? ""} then null else s.text end as text
    from (select ${SOURCE_STAMP} as stamp, text from "Source"
          where id = ${sourceId}::uuid and "workspaceId" = ${workspaceId}::uuid and "deletedAt" is null) s`;
  return rows[0] ?? null;
}
