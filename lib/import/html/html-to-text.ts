import { convert, type HtmlToTextOptions } from "html-to-text";

/**
 * How a page becomes a source's text: scripts, styles and other non-text elements dropped, block
 * elements on their own lines, paragraphs apart, links and images as their text only (no URLs in
 * brackets, which would shift what readers quote), no line wrapping. Plain data, so the server can
 * hand it to a worker thread. Uses html-to-text (a maintained HTML parser and formatter) rather
 * than regular expressions.
 */
export const HTML_TO_TEXT_OPTIONS = {
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "noscript", format: "skip" },
    { selector: "template", format: "skip" },
    { selector: "svg", format: "skip" },
    { selector: "head", format: "skip" },
    { selector: "nav", format: "skip" },
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    { selector: "hr", format: "skip" },
  ],
} satisfies HtmlToTextOptions;

/** `<title` as a whole tag name (followed by `>`, `/` or whitespace), in any case. */
const TITLE_OPEN = /<title[\s/>]/i;
const TITLE_CLOSE = /<\/title/gi;

/** At most this much of a `<title>` is read: a title is a line, not a document. */
const MAX_TITLE_CHARS = 2_000;

/** The converter's output tidied: no runs of blank lines, no space around the whole. */
export function tidyText(converted: string): string {
  return converted.replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * The page's `<title>`, found by fixed-length patterns and plain searches, each run once from
 * where the last stopped: linear in the page's length, whatever it holds. (A pattern with a lazy
 * run between `<title` and `</title>` takes quadratic time on a page of repeated unclosed `<title`.)
 */
export function pageTitle(html: string): string | null {
  const open = TITLE_OPEN.exec(html);
  if (!open) return null;
  const start = html.indexOf(">", open.index);
  if (start === -1) return null;
  TITLE_CLOSE.lastIndex = start;
  const close = TITLE_CLOSE.exec(html);
  if (!close) return null;
  const raw = html.slice(start + 1, Math.min(close.index, start + 1 + MAX_TITLE_CHARS));
  return convert(raw, { wordwrap: false }).trim() || null;
}

/** A page reduced to the article's text and its title, in the calling thread (the server reads pages with `readArticle`, in a worker thread). */
export function htmlToText(html: string): { text: string; title: string | null } {
  return { text: tidyText(convert(html, HTML_TO_TEXT_OPTIONS)), title: pageTitle(html) };
}
