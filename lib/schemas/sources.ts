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

export const ZCreateSourceSchema = z.strictObject({
  title: text(MAX_SOURCE_TITLE_LENGTH, "A title"),
  author: z.strictObject({ name: text(MAX_AUTHOR_NAME_LENGTH, "An author's name"), shortName: text(MAX_AUTHOR_SHORT_NAME_LENGTH, "A short name").optional() }),
  published: z.string().refine((v) => parsePublished(v) !== null, { message: 'published must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date)' }),
  publication: z.string().trim().max(MAX_PUBLICATION_LENGTH).optional(),
  url: z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }).max(2000).optional(),
  // The 2 MB limit is enforced by the handler as 413, like an oversized body.
  text: z.string().min(1, "text must not be empty"),
  /** What `text` is: plain text (or Markdown, kept as written), or HTML to be reduced to its text. */
  format: z.enum(["text", "markdown", "html"], { error: "format must be text, markdown or html" }).default("text"),
});

/** `POST /api/sources/extract`: an HTML page to reduce to text before it becomes a source. */
export const ZExtractHtmlSchema = z.strictObject({ html: z.string().min(1, "html must not be empty") });
