import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { HTML_TO_TEXT_OPTIONS, pageTitle, tidyText } from "../../import/html/html-to-text";
import { runOffThread } from "../workers/run-off-thread";

/** Long enough for the largest page we accept on a busy machine; a page that takes longer is hostile. */
const READ_HTML_TIMEOUT_MS = 15_000;

const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
try {
  const { convert } = require(workerData.htmlToTextPath);
  parentPort.postMessage({ result: convert(workerData.input, workerData.options) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof RangeError ? "the page's elements are nested too deeply" : String(error && error.message || error) });
}
`;

/**
 * A page reduced to its text and title, for a request: the conversion runs in a worker thread with
 * a time limit (a large page takes seconds, and a deeply nested one overflows the parser's stack),
 * so no page can stop the server for everyone else. 422 when the page cannot be read.
 */
export async function readHtml(html: string): Promise<{ text: string; title: string | null }> {
  const htmlToTextPath = createRequire(path.join(process.cwd(), "package.json")).resolve("html-to-text");
  const converted = await runOffThread<string>({
    code: WORKER_CODE,
    input: html,
    data: { htmlToTextPath, options: HTML_TO_TEXT_OPTIONS },
    timeoutMs: READ_HTML_TIMEOUT_MS,
    what: "reading the page",
  });
  return { text: tidyText(converted), title: pageTitle(html) };
}
