import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { AppError, parseOrThrow } from "../../errors/app-error";
import { MAX_SOURCE_TEXT_BYTES, ZCreateSourceFromUrlSchema, ZCreateSourceSchema, ZSourceMetadataSchema } from "../../schemas/sources";
import { readSourceAtUrl } from "../import/extract-source";
import { readSourceFile, type TExtractedSource } from "../import/read-source-file";
import { isMultipart, readUpload } from "../import/read-upload";
import { readText } from "../request";

export type TSourceInput = z.output<typeof ZCreateSourceSchema> & { pages?: number[] };

/** The metadata given, completed from what the file says; 400 naming each field neither gives. */
function completeMetadata(given: z.output<typeof ZSourceMetadataSchema>, extracted: TExtractedSource, fileName: string): TSourceInput {
  const fallbackTitle = fileName.replace(/\.(pdf|x?html?|txt|md|markdown)$/i, "").trim();
  const merged = {
    title: given.title ?? extracted.title ?? (fallbackTitle || undefined),
    author: given.author ?? (extracted.author ? { name: extracted.author } : undefined),
    published: given.published ?? extracted.published ?? undefined,
    ...(given.publication ?? extracted.siteName ? { publication: given.publication ?? extracted.siteName! } : {}),
    ...(given.url ? { url: given.url } : {}),
    text: extracted.text,
  };
  const missing = [
    ...(merged.author ? [] : [{ path: "author.name", message: "the file does not name its author: give author.name in the metadata" }]),
    ...(merged.published ? [] : [{ path: "published", message: 'the file does not say when it was published: give published ("YYYY", "YYYY-MM" or "YYYY-MM-DD") in the metadata' }]),
    ...(merged.title ? [] : [{ path: "title", message: "the file has no title: give title in the metadata" }]),
  ];
  if (missing.length > 0) throw new AppError("BAD_REQUEST", `Some of the source's details are not in the file: ${missing.map((m) => m.path).join(", ")}.`, { issues: missing });
  // What the file said is held to the limits of what a person types (a 900-character <title>).
  const source = parseOrThrow(ZCreateSourceSchema, merged, "source");
  return { ...source, ...(extracted.pages ? { pages: extracted.pages } : {}) };
}

/**
 * A `POST …/sources` request read into a complete source: a JSON body with `text` as before; JSON
 * `{ url, … }` (the page or PDF fetched, guarded); or `multipart/form-data` with a `file` and its
 * `metadata`. The file is read (a PDF's pages, a page's article) before anything is written, and
 * what the metadata lacks is taken from the file. Also returns what identifies the request for
 * its Idempotency-Key.
 */
export async function readSourceRequest(request: Request): Promise<{ source: TSourceInput; identity: unknown }> {
  if (isMultipart(request)) {
    const { file, metadata } = await readUpload(request);
    const given = parseOrThrow(ZSourceMetadataSchema, metadata, "metadata");
    const extracted = await readSourceFile(file);
    const digest = createHash("sha256").update(file.bytes).digest("hex");
    return { source: completeMetadata(given, extracted, file.name), identity: { metadata: given, file: digest } };
  }
  // JSON escaping can make the body larger than the text; the text itself is checked against 2 MB.
  const raw = await readText(request, MAX_SOURCE_TEXT_BYTES * 2);
  let body: unknown = {};
  if (raw.trim()) {
    try {
      body = JSON.parse(raw);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
    }
  }
  const fromUrl = body !== null && typeof body === "object" && !Array.isArray(body) && !("text" in body) && "url" in body;
  if (!fromUrl) return { source: parseOrThrow(ZCreateSourceSchema, body, "request body"), identity: body };
  const { url, ...given } = parseOrThrow(ZCreateSourceFromUrlSchema, body, "request body");
  const extracted = await readSourceAtUrl(url);
  return { source: completeMetadata({ ...given, url }, extracted, extracted.fileName), identity: body };
}
