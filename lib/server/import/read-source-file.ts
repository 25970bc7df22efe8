import "server-only";
import { tidyMetadata, type TSourceMetadata } from "../../import/html/article-metadata";
import { AppError } from "../../errors/app-error";
import { MAX_SOURCE_TEXT_BYTES } from "../../schemas/sources";
import { readArticle } from "./read-article";
import { MAX_PDF_BYTES, readPdf } from "./read-pdf";

/** A web page file is at most this large (it is mostly markup). */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;

/** What a file becomes as a source: its text, the offsets where its pages start (PDF) and what it says about itself. */
export interface TExtractedSource extends TSourceMetadata {
  text: string;
  /** UTF-16 offsets where each page starts; null for a text without pages. */
  pages: number[] | null;
}

export type TSourceFileKind = "pdf" | "html" | "text" | "markdown";

/** A file's kind by its name, its media type and, for a PDF, its first bytes; null for anything else. */
export function kindOfFile(name: string, type: string, bytes: Uint8Array): TSourceFileKind | null {
  const lower = name.toLowerCase();
  const media = type.split(";")[0].trim().toLowerCase();
  if (lower.endsWith(".pdf") || media === "application/pdf" || new TextDecoder().decode(bytes.subarray(0, 5)) === "%PDF-") return "pdf";
  if (/\.x?html?$/.test(lower) || media === "text/html" || media === "application/xhtml+xml") return "html";
  if (/\.(md|markdown)$/.test(lower) || media === "text/markdown") return "markdown";
  if (lower.endsWith(".txt") || media === "text/plain") return "text";
  return null;
}

const tooLarge = (what: string, max: number) => new AppError("PAYLOAD_TOO_LARGE", `${what} is at most ${max / 1024 / 1024} MB.`, { issues: [{ path: "file", message: `larger than ${max / 1024 / 1024} MB` }] });

/**
 * A PDF, web page, Markdown or plain-text file read as a source: a PDF's text layer with its
 * pages, a page's article with its metadata, a text as written (a Markdown file's first heading
 * as its title). 413 over a kind's size cap (PDF 50 MB, HTML 10 MB, text 2 MB), 422 for a file of
 * another kind or one that holds no text.
 */
export async function readSourceFile(file: { name: string; type: string; bytes: Uint8Array }): Promise<TExtractedSource> {
  const kind = kindOfFile(file.name, file.type, file.bytes);
  if (kind === null) {
    throw new AppError("UNPROCESSABLE", `${file.name || "That file"} is not a PDF, web page (.html), Markdown (.md) or text (.txt) file.`, { issues: [{ path: "file", message: "unsupported kind of file" }] });
  }
  let extracted: TExtractedSource;
  if (kind === "pdf") {
    if (file.bytes.byteLength > MAX_PDF_BYTES) throw tooLarge("A PDF", MAX_PDF_BYTES);
    const pdf = await readPdf(file.bytes);
    extracted = { ...tidyMetadata({ title: pdf.title, author: pdf.author }), text: pdf.text, pages: pdf.pages };
  } else if (kind === "html") {
    if (file.bytes.byteLength > MAX_HTML_BYTES) throw tooLarge("A web page", MAX_HTML_BYTES);
    const page = await readArticle(new TextDecoder().decode(file.bytes));
    extracted = { title: page.title, author: page.author, published: page.published, siteName: page.siteName, text: page.text, pages: null };
  } else {
    if (file.bytes.byteLength > MAX_SOURCE_TEXT_BYTES) throw tooLarge("A text file", MAX_SOURCE_TEXT_BYTES);
    const text = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, "");
    const heading = kind === "markdown" ? /^#\s+(.+)$/m.exec(text.slice(0, 5000))?.[1] : undefined;
    extracted = { ...tidyMetadata({ title: heading }), text, pages: null };
  }
  if (!extracted.text.trim()) throw new AppError("UNPROCESSABLE", `${file.name || "That file"} holds no text.`, { issues: [{ path: "file", message: "no text" }] });
  if (Buffer.byteLength(extracted.text, "utf8") > MAX_SOURCE_TEXT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "A source text is at most 2 MB; this file's text is longer.", { issues: [{ path: "file", message: "text longer than 2 MB" }] });
  return extracted;
}
