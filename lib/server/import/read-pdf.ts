import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { assemblePdfText, type TPdfItem, type TPdfText } from "../../import/pdf/assemble-pdf-text";
import { AppError } from "../../errors/app-error";
import { runOffThread } from "../workers/run-off-thread";

/** A PDF larger than this is refused before it is read. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** pdf.js parses fonts and content streams: a large report takes seconds; one that takes longer is hostile. */
const READ_PDF_TIMEOUT_MS = 30_000;
/** More text than this in the items is more than any source may hold (2 MB) even after tidying. */
const MAX_ITEM_CHARS = 6_000_000;
const MAX_PAGES = 2_000;

/**
 * The worker reads each page's text items with pdf.js (its Node build, no rendering, no eval of
 * font programs) and posts them as plain arrays, with the title and author the file names. It stops early when the document has more pages
 * or text than a source can hold.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const task = pdfjs.getDocument({ data: workerData.input, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  const doc = await task.promise;
  if (doc.numPages > workerData.maxPages) throw new Error("it has " + doc.numPages + " pages; at most " + workerData.maxPages + " are read");
  const pages = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== "string") continue;
      chars += item.str.length;
      items.push([item.str, item.transform[4], item.transform[5], item.width, item.height || Math.abs(item.transform[3]) || 0, item.hasEOL ? 1 : 0]);
    }
    if (chars > workerData.maxChars) throw new Error("it holds more text than a source may");
    pages.push(items);
    page.cleanup();
  }
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta && meta.info) || {};
  await doc.destroy();
  return { pages, title: typeof info.Title === "string" ? info.Title : null, author: typeof info.Author === "string" ? info.Author : null };
})().then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: error && error.name === "PasswordException" ? "the PDF is protected by a password" : String((error && error.message) || error) }),
);
`;

/**
 * A PDF's text (headers, footers and page numbers dropped, hyphenation joined, paragraphs kept)
 * and the offsets where its pages start. pdf.js runs in a worker thread with a time limit, so no
 * file can stop the server for everyone else; 413 over 50 MB, 422 when it cannot be read or has
 * no text layer (a scanned document: there is no OCR).
 */
export async function readPdf(bytes: Uint8Array): Promise<TPdfText & { title: string | null; author: string | null }> {
  if (bytes.byteLength > MAX_PDF_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `A PDF is at most ${MAX_PDF_BYTES / 1024 / 1024} MB.`);
  const pdfjsPath = createRequire(path.join(process.cwd(), "package.json")).resolve("pdfjs-dist/legacy/build/pdf.mjs");
  const raw = await runOffThread<{ pages: [string, number, number, number, number, number][][]; title: string | null; author: string | null }>({
    code: WORKER_CODE,
    input: bytes,
    data: { pdfjsUrl: pathToFileURL(pdfjsPath).href, maxPages: MAX_PAGES, maxChars: MAX_ITEM_CHARS },
    timeoutMs: READ_PDF_TIMEOUT_MS,
    what: "reading the PDF",
  });
  const pages = raw.pages.map((items) => items.map(([str, x, y, w, h, eol]): TPdfItem => ({ str, x, y, w, h, eol: eol === 1 })));
  const result = assemblePdfText(pages);
  if (!result.text.trim()) {
    throw new AppError("UNPROCESSABLE", "This PDF has no text layer — it looks like scanned pages, and Stancemap does not recognise text in images (no OCR). Use a PDF with selectable text, or paste the article's text.", {
      issues: [{ path: "file", message: "no text layer in this PDF" }],
    });
  }
  return { ...result, title: raw.title, author: raw.author };
}
