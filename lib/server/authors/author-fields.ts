import "server-only";

/** An author's columns as read, written back and recorded in its Events. */
export const AUTHOR_FIELDS = { id: true, name: true, shortName: true, affiliation: true, version: true, mergedIntoId: true } as const;

/** The columns an author's edit puts back when it is undone. */
export const AUTHOR_RESTORABLE = ["name", "shortName", "affiliation"] as const;

export interface TAuthorRow {
  id: string;
  name: string;
  shortName: string;
  affiliation: string | null;
  version: number;
  mergedIntoId: string | null;
}
