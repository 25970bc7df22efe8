import { z } from "zod";
import { parsePublished } from "../domain/dates";
import { text } from "./fields";

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

const metadataFields = {
  title: text(MAX_SOURCE_TITLE_LENGTH, "A title"),
  author: z.strictObject({ name: text(MAX_AUTHOR_NAME_LENGTH, "An author's name"), shortName: text(MAX_AUTHOR_SHORT_NAME_LENGTH, "A short name").optional() }),
  published: z.string().refine((v) => parsePublished(v) !== null, { message: 'published must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date)' }),
  publication: z.string().trim().max(MAX_PUBLICATION_LENGTH).optional(),
  url: z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }).max(2000).optional(),
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
