import { convert } from "html-to-text";

/**
 * An HTML page reduced to the article's text, for a source: scripts, styles and other non-text
 * elements dropped, block elements on their own lines, paragraphs apart, links and images as
 * their text only (no URLs in brackets, which would shift what readers quote), no line wrapping.
 * Uses html-to-text (a maintained HTML parser and formatter) rather than regular expressions.
 */
export function htmlToText(html: string): { text: string; title: string | null } {
  const text = convert(html, {
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
  })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  return { text, title: title ? convert(title, { wordwrap: false }).trim() || null : null };
}
