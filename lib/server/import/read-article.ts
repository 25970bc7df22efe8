import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { HTML_TO_TEXT_OPTIONS, pageTitle, tidyText } from "../../import/html/html-to-text";
import { tidyMetadata, type TRawMetadata, type TSourceMetadata } from "../../import/html/article-metadata";
import { runOffThread } from "../workers/run-off-thread";

const READ_ARTICLE_TIMEOUT_MS = 15_000;
/**
 * Readability walks the tree many times over and recurses with its depth: on a page with more
 * elements or deeper nesting than any article has, it runs for minutes. Such a page is reduced
 * whole by html-to-text instead (linear, and refusing pathological nesting with a clear message).
 */
const MAX_ARTICLE_ELEMENTS = 20_000;
const MAX_ARTICLE_DEPTH = 150;
/** Readability's article shorter than this is taken for a miss (a page that is not an article): the whole page's text is kept instead. */
const MIN_ARTICLE_CHARS = 200;

/**
 * In the worker: the page parsed with linkedom; its metadata read first (citation_* tags, Open
 * Graph and article:* tags, JSON-LD's datePublished/author/publisher), since Readability changes
 * the document; then Readability's article, reduced to text by html-to-text like any page (so
 * paragraphs stay apart). A page Readability finds no article in, or one too large or too deeply
 * nested for it, is reduced whole. Elements are counted first by a plain scan for "<" and a letter.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { convert } = require(workerData.htmlToTextPath);
const html = workerData.input;
function depthOf(root) {
  let max = 0;
  const stack = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop();
    if (depth > max) max = depth;
    if (max > workerData.maxDepth) return max;
    for (const child of node.children || []) stack.push([child, depth + 1]);
  }
  return max;
}
function readWithReadability() {
  const elements = (html.match(/<[a-zA-Z]/g) || []).length;
  if (elements > workerData.maxElements) return null;
  const { parseHTML } = require(workerData.linkedomPath);
  const { Readability } = require(workerData.readabilityPath);
  const { document } = parseHTML(html);
  if (!document.documentElement || depthOf(document.documentElement) > workerData.maxDepth) return null;
  const meta = (names) => {
    for (const name of names) {
      for (const el of document.querySelectorAll("meta")) {
        const key = (el.getAttribute("name") || el.getAttribute("property") || "").toLowerCase();
        const value = el.getAttribute("content");
        if (key === name && value && value.trim()) return value;
      }
    }
    return null;
  };
  let ld = null;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data = JSON.parse(script.textContent || "");
      const items = [].concat(data, (data && data["@graph"]) || []);
      ld = items.find((item) => item && typeof item === "object" && (item.datePublished || item.headline)) || ld;
    } catch {}
    if (ld) break;
  }
  const nameOf = (v) => (Array.isArray(v) ? nameOf(v[0]) : v && typeof v === "object" ? v.name : typeof v === "string" ? v : null) || null;
  // Scholarly tags write "Surname, Given names"; a source's author is named as people read it.
  const flipName = (name) => {
    const parts = name ? name.split(",") : [];
    return parts.length === 2 && parts[1].trim() ? parts[1].trim() + " " + parts[0].trim() : name;
  };
  const titleEl = document.querySelector("title");
  const raw = {
    title: meta(["citation_title", "og:title", "twitter:title", "dc.title"]) || (ld && typeof ld.headline === "string" ? ld.headline : null) || (titleEl ? titleEl.textContent : null),
    author: flipName(meta(["citation_author"])) || meta(["author", "dc.creator"]) || (ld ? nameOf(ld.author) : null),
    published: meta(["citation_publication_date", "citation_date", "article:published_time", "dc.date", "date"]) || (ld && typeof ld.datePublished === "string" ? ld.datePublished : null),
    siteName: meta(["og:site_name", "citation_journal_title", "application-name"]) || (ld ? nameOf(ld.publisher) : null),
  };
  let article = null;
  try {
    article = new Readability(document, { maxElemsToParse: workerData.maxElements }).parse();
  } catch {}
  raw.author = raw.author || (article && article.byline) || null;
  raw.siteName = raw.siteName || (article && article.siteName) || null;
  raw.published = raw.published || (article && article.publishedTime) || null;
  const text = article && article.content ? convert(article.content, workerData.options) : "";
  return { text, raw, article: text.replace(/\\s+/g, "").length >= workerData.minChars };
}
try {
  const read = readWithReadability();
  const result = read && read.article ? read : { text: convert(html, workerData.options), raw: read ? read.raw : {}, article: false };
  parentPort.postMessage({ result });
} catch (error) {
  parentPort.postMessage({ error: error instanceof RangeError ? "the page's elements are nested too deeply" : String((error && error.message) || error) });
}
`;

export interface TArticle extends TSourceMetadata {
  text: string;
  /** Whether Readability found the article (else the whole page's text is kept). */
  article: boolean;
}

/**
 * A web page reduced to its article's text (Readability over linkedom: navigation, banners and
 * footers left out) and what the page says about itself (title, author, date, site). Runs in a
 * worker thread with a time limit, so no page can stop the server; 422 when it cannot be read.
 */
export async function readArticle(html: string): Promise<TArticle> {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const result = await runOffThread<{ text: string; raw: TRawMetadata; article: boolean }>({
    code: WORKER_CODE,
    input: html,
    data: {
      linkedomPath: require.resolve("linkedom"),
      readabilityPath: require.resolve("@mozilla/readability"),
      htmlToTextPath: require.resolve("html-to-text"),
      options: HTML_TO_TEXT_OPTIONS,
      minChars: MIN_ARTICLE_CHARS,
      maxElements: MAX_ARTICLE_ELEMENTS,
      maxDepth: MAX_ARTICLE_DEPTH,
    },
    timeoutMs: READ_ARTICLE_TIMEOUT_MS,
    what: "reading the page",
  });
  // The <title> by the linear scan when the page was too large to parse for its metadata.
  return { ...tidyMetadata({ ...result.raw, title: result.raw.title ?? pageTitle(html) }), text: tidyText(result.text), article: result.article };
}
