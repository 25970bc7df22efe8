import { z } from "zod";
import { parsePublished } from "../domain/dates";
import { text, ZVersionSchema } from "./fields";
import { ZIdSchema } from "./params";

/** Source texts may be long articles, but not books: 2 MB of UTF-8. */
export const MAX_SOURCE_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_SOURCE_TITLE_LENGTH = 500;
export const MAX_AUTHOR_NAME_LENGTH = 200;
/** The author's name as a matrix column header. */
export const MAX_AUTHOR_SHORT_NAME_LENGTH = 40;
export const MAX_PUBLICATION_LENGTH = 300;
/** A source read from a PDF keeps where its pages start; no source has more pages than this. */
export const MAX_SOURCE_PAGES = 2000;
/** An uploaded PDF is at most 50 MB (a multipart request may carry a little more: its metadata). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_PUBLISHED_NOTE_LENGTH = 300;
export const MAX_AFFILIATION_LENGTH = 300;

const ZNewAuthorSchema = z.strictObject({ name: text(MAX_AUTHOR_NAME_LENGTH, "An author's name"), shortName: text(MAX_AUTHOR_SHORT_NAME_LENGTH, "A short name").optional() });
const ZPublishedSchema = z.string().refine((v) => parsePublished(v) !== null, { message: 'published must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date)' });
const ZSourceUrlSchema = z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }).max(2000);

const metadataFields = {
  title: text(MAX_SOURCE_TITLE_LENGTH, "A title"),
  author: ZNewAuthorSchema,
  published: ZPublishedSchema,
  publication: z.string().trim().max(MAX_PUBLICATION_LENGTH).optional(),
  url: ZSourceUrlSchema.optional(),
};

/**
 * A source's metadata beside a file (`metadata` part of a multipart request) or an address
 * (`{ url, … }`): the fields of a source less its text, each optional — what is missing is taken
 * from the file where it says it.
 */
export const ZSourceMetadataSchema = z.strictObject({
  title: metadataFields.title.optional(),
  author: metadataFields.author.optional(),
  published: metadataFields.published.optional(),
  publication: metadataFields.publication,
  url: metadataFields.url,
});

/** `POST …/sources` with `{ url, … }`: the page or PDF at that address becomes the source. */
export const ZCreateSourceFromUrlSchema = ZSourceMetadataSchema.extend({ url: metadataFields.url.unwrap() });

export const ZCreateSourceSchema = z.strictObject({
  ...metadataFields,
  // The 2 MB limit is enforced by the handler as 413, like an oversized body.
  text: z.string().min(1, "text must not be empty"),
  /** What `text` is: plain text (or Markdown, kept as written), or HTML to be reduced to its text. */
  format: z.enum(["text", "markdown", "html"], { error: "format must be text, markdown or html" }).default("text"),
});

/** `POST /api/sources/extract`: an HTML page to reduce to text, or an address to fetch, before it becomes a source. */
export const ZExtractHtmlSchema = z.union([z.strictObject({ html: z.string().min(1, "html must not be empty") }), z.strictObject({ url: metadataFields.url.unwrap() })], {
  error: "send { html } or { url }, or the file as multipart/form-data",
});

/**
 * `PATCH …/sources/:id`: the fields to change, at the version they were read. `publication`,
 * `publishedNote` and `url` are cleared with null (or an empty string); `author` is an existing
 * author by id, or one by name (reused when the workspace has that name); `text` revises the text.
 */
export const ZUpdateSourceSchema = z.strictObject({
  version: ZVersionSchema,
  title: text(MAX_SOURCE_TITLE_LENGTH, "A title").optional(),
  publication: z.string().trim().max(MAX_PUBLICATION_LENGTH).nullable().optional(),
  published: ZPublishedSchema.optional(),
  publishedNote: z.string().trim().max(MAX_PUBLISHED_NOTE_LENGTH, `A note on the date must be at most ${MAX_PUBLISHED_NOTE_LENGTH} characters`).nullable().optional(),
  url: z.union([ZSourceUrlSchema, z.literal("")]).nullable().optional(),
  author: z.union([z.strictObject({ id: ZIdSchema }), ZNewAuthorSchema]).optional(),
  // The 2 MB limit is enforced by the handler as 413, as when a source is added.
  text: z.string().min(1, "text must not be empty").optional(),
});
export type TUpdateSource = z.output<typeof ZUpdateSourceSchema>;

/** `PATCH …/authors/:id`: name, short name and affiliation (null or "" clears it), at a version. */
export const ZUpdateAuthorSchema = z.strictObject({
  version: ZVersionSchema,
  name: text(MAX_AUTHOR_NAME_LENGTH, "An author's name").optional(),
  shortName: text(MAX_AUTHOR_SHORT_NAME_LENGTH, "A short name").optional(),
  affiliation: z.string().trim().max(MAX_AFFILIATION_LENGTH, `An affiliation must be at most ${MAX_AFFILIATION_LENGTH} characters`).nullable().optional(),
});
export type TUpdateAuthor = z.output<typeof ZUpdateAuthorSchema>;

/** `POST …/authors/:id/merge`: this author (at `version`) goes into `intoId` (at `intoVersion`). */
export const ZMergeAuthorSchema = z.strictObject({ version: ZVersionSchema, intoId: ZIdSchema, intoVersion: ZVersionSchema });
export type TMergeAuthor = z.output<typeof ZMergeAuthorSchema>;
