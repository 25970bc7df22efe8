import "server-only";
import type { z } from "zod";
import { parsePublished } from "../../domain/dates";
import { tidyPageStarts } from "../../domain/pages";
import { AppError } from "../../errors/app-error";
import { MAX_SOURCE_PAGES, MAX_SOURCE_TEXT_BYTES, type ZCreateSourceSchema } from "../../schemas/sources";
import { findOrCreateAuthor } from "../authors/find-or-create-author";
import { readArticle } from "../import/read-article";
import type { TMutationContext } from "../mutation";

/**
 * Adds a source (HTML reduced to its article's text first; a PDF's text comes with where its pages
 * start); an author with the same name in the workspace is reused (or the author it was merged
 * into). Its passages for search and suggestions are written by the database in the same
 * transaction (trigger "Source_passages").
 */
export async function createSource(ctx: TMutationContext, input: z.output<typeof ZCreateSourceSchema> & { pages?: number[] }) {
  const { workspace, record, tx } = ctx;
  const text = input.format === "html" ? (await readArticle(input.text)).text : input.text;
  if (!text.trim()) throw new AppError("UNPROCESSABLE", "The HTML holds no text once scripts, styles and markup are removed.", { issues: [{ path: "text", message: "no text in this HTML" }] });
  if (Buffer.byteLength(text, "utf8") > MAX_SOURCE_TEXT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A source text is at most 2 MB.");
  const published = parsePublished(input.published)!;
  // Page starts come from reading a PDF: ascending offsets within the text, the first at 0.
  const pages = input.format === "html" ? [] : tidyPageStarts(input.pages, text.length, MAX_SOURCE_PAGES);
  const authorId = await findOrCreateAuthor(ctx, input.author);
  const source = await tx.source.create({
    data: {
      workspaceId: workspace.id,
      authorId,
      title: input.title,
      publication: input.publication ?? null,
      publishedOn: published.date,
      publishedPrecision: published.precision,
      url: input.url ?? null,
      text,
      pageStarts: pages,
      // HTML is stored as the text it was reduced to.
      format: input.format === "markdown" ? "markdown" : "text",
    },
    select: { id: true, authorId: true, title: true, version: true },
  });
  record({ type: "source.created", entityId: source.id, after: { ...source, published: input.published, length: text.length, ...(pages.length ? { pages: pages.length } : {}) } });
  return { id: source.id, authorId: source.authorId };
}
