import "server-only";

/**
 * What a row read with its source and author carries about them, under the names the queries
 * give the columns (`s.title`, `s."publishedOn"`, `a.name as "authorName"`…): the claim page's
 * evidence, search's excerpts, passages and sources.
 */
export interface TSourceAuthorColumns {
  title: string;
  publishedOn: Date;
  precision: string;
  authorId: string;
  authorName: string;
  shortName: string;
}
