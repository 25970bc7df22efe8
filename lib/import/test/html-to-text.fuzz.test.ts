import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEGABYTE, withinBudget } from "../../testing/fuzz-budget";
import { htmlToText, pageTitle } from "../html/html-to-text";

/**
 * htmlToText runs in a worker thread on the server (lib/server/import/read-article.ts, 15 s limit),
 * so its budget is looser than the request thread's: 5 s per megabyte (ordinary pages take about
 * 2 s per megabyte here). pageTitle runs on the request thread and keeps 1 s per megabyte.
 */
const HTML_MS_PER_MEGABYTE = 5_000;

/** Pieces of tag soup: tags opened and left open, closed out of order, titles, comments, entities, stray brackets. */
const PIECE = fc.oneof(
  fc.constantFrom("<p>", "</p>", "<div>", "</div>", "<br>", "<b>", "</i>", "<a href='x'>", "</a>", "<table>", "<tr>", "<td>", "</table>", "<ul>", "<li>", "<h1>", "<script>", "</script>", "<style>", "<!--", "-->"),
  fc.constantFrom("<title>", "</title>", "<TITLE lang=en>", "<title", "</title", "<titlex>", "<", ">", "&amp;", "&#0;", "&#x110000;", "&", "<![CDATA[", "<?xml?>", "<!DOCTYPE html>", "\n", "\r\n", "\t", " "),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
/**
 * At most 40 pieces, so at most 40 open elements: the pure function's parser recurses per level
 * and throws a RangeError past some thousands, which the server turns into a 422 in its worker
 * (tested in app/api/_tests/hostile-input.int.test.ts, "refuses a page nested too deeply").
 */
const SOUP = fc.array(PIECE, { maxLength: 40 }).map((pieces) => pieces.join(""));

/** htmlToText's answer, or null when the page nests deeper than the parser's recursion can go. */
function convertOrOverflow(html: string) {
  try {
    return htmlToText(html);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

describe("htmlToText and pageTitle on random tag soup", () => {
  it("never throw; the text is tidy and the title is the one pageTitle finds", () => {
    fc.assert(
      fc.property(SOUP, (html) => {
        const { text, title } = htmlToText(html);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\n{3,}/);
        expect(title).toBe(pageTitle(html));
        if (title !== null) expect(title).toBe(title.trim());
        expect(title).not.toBe("");
      }),
      { numRuns: 500 },
    );
  });

  it("pageTitle finishes within a second per megabyte on repetitive pages up to a megabyte", () => {
    fc.assert(
      fc.property(fc.array(PIECE, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: MEGABYTE / 4 }), (pieces, times) => {
        const html = pieces.join("").repeat(times).slice(0, MEGABYTE);
        const title = withinBudget(html.length, () => pageTitle(html));
        expect(title === null || typeof title === "string").toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it("htmlToText finishes within its budget on repetitive pages up to 256 KB", () => {
    fc.assert(
      fc.property(fc.array(PIECE, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1_000 }), (pieces, times) => {
        // Repeating opening tags nests them: past some thousands of levels the parser's recursion
        // overflows the stack, which the server's worker answers with 422 — quickly, which is all
        // this property asks.
        const html = pieces.join("").repeat(times).slice(0, 256 * 1024);
        withinBudget(html.length, () => convertOrOverflow(html), HTML_MS_PER_MEGABYTE);
      }),
      { numRuns: 15 },
    );
  });

  it.each([
    ["a megabyte of empty lines", "\n".repeat(MEGABYTE)],
    ["one line a megabyte long", `<p>${"x".repeat(MEGABYTE)}</p>`],
    ["a megabyte of stray <", "<".repeat(MEGABYTE)],
    ["150,000 tiny closed elements", "<i>a</i>".repeat(150_000)],
    ["an unclosed title followed by a megabyte", `<title>${"y ".repeat(MEGABYTE / 2)}`],
  ])("converts %s within its budget", (_, html) => {
    const { text } = withinBudget(html.length, () => htmlToText(html), HTML_MS_PER_MEGABYTE);
    expect(text.length).toBeLessThanOrEqual(html.length);
    withinBudget(html.length, () => pageTitle(html));
  });
});
