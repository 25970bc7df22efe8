import "server-only";
import type { z } from "zod";
import { parsePublished } from "../../domain/dates";
import { AppError } from "../../errors/app-error";
import { MAX_SOURCE_TEXT_BYTES, type ZCreateSourceSchema } from "../../schemas/sources";
import { readHtml } from "../import/read-html";
import type { TMutationContext } from "../mutation";

/**
 * Adds a source (HTML reduced to its text first); an author with the same name in the workspace
 * is reused. Its passages for search and suggestions are written by the database in the same
 * transaction (trigger "Source_passages").
 */
export async function createSource({ tx, workspace, record }: TMutationContext, input: z.output<typeof ZCreateSourceSchema>) {
  const text = input.format === "html" ? (await readHtml(input.text)).text : input.text;
  if (!text.trim()) throw new AppError("UNPROCESSABLE", "The HTML holds no text once scripts, styles and markup are removed.", { issues: [{ path: "text", message: "no text in this HTML" }] });
  if (Buffer.byteLength(text, "utf8") > MAX_SOURCE_TEXT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A source text is at most 2 MB.");
  const published = parsePublished(input.published)!;
  let author = await tx.author.findUnique({ where: { workspaceId_name: { workspaceId: workspace.id, name: input.author.name } }, select: { id: true } });
  if (!author) {
    author = await tx.author.create({
      data: { workspaceId: workspace.id, name: input.author.name, shortName: input.author.shortName ?? input.author.name.split(/\s+/).at(-1)! },
      select: { id: true },
    });
    record({ type: "author.created", entityId: author.id, after: { id: author.id, name: input.author.name } });
  }
  const source = await tx.source.create({
    data: {
      workspaceId: workspace.id,
      authorId: author.id,
      title: input.title,
      publication: input.publication ?? null,
      publishedOn: published.date,
      publishedPrecision: published.precision,
      url: input.url ?? null,
      text,
      // HTML is stored as the text it was reduced to.
      format: input.format === "markdown" ? "markdown" : "text",
    },
    select: { id: true, authorId: true, title: true, version: true },
  });
  record({ type: "source.created", entityId: source.id, after: { ...source, published: input.published, length: text.length } });
  return { id: source.id, authorId: source.authorId };
}
