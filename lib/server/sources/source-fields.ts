import "server-only";
import { formatPublished } from "../../domain/dates";
import type { TDatePrecision } from "../../domain/types";

/**
 * A source's columns as read, written back and recorded in its Events: everything but the text,
 * which may be megabytes (a revised text is kept as a SourceRevision, and the Event names it).
 */
export const SOURCE_FIELDS = {
  id: true, authorId: true, title: true, publication: true, publishedOn: true, publishedPrecision: true, publishedNote: true, url: true, version: true, deletedAt: true,
} as const;

/** The columns a source's edit puts back when it is undone. */
export const SOURCE_RESTORABLE = ["authorId", "title", "publication", "publishedOn", "publishedPrecision", "publishedNote", "url"] as const;

export interface TSourceRow {
  id: string;
  authorId: string;
  title: string;
  publication: string | null;
  publishedOn: Date;
  publishedPrecision: string;
  publishedNote: string | null;
  url: string | null;
  version: number;
  deletedAt: Date | null;
}

/** A source's details as the API answers them (the date as "YYYY", "YYYY-MM" or "YYYY-MM-DD"). */
export function describeSource(row: TSourceRow, author: { id: string; name: string; shortName: string }) {
  return {
    id: row.id,
    title: row.title,
    publication: row.publication,
    published: formatPublished(row.publishedOn, row.publishedPrecision as TDatePrecision),
    publishedNote: row.publishedNote,
    url: row.url,
    version: row.version,
    author,
  };
}
