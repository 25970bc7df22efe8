import { describe, expect, it } from "vitest";
import { pageAt, pageLabel } from "@/lib/domain/pages";
import { assemblePdfText, type TPdfItem } from "../assemble-pdf-text";

/** A page of lines, each one item ending its line, 14 units apart; "" leaves a paragraph's gap. */
function page(lines: string[], top = 700): TPdfItem[] {
  let y = top;
  const items: TPdfItem[] = [];
  for (const line of lines) {
    if (line === "") {
      y -= 12;
      continue;
    }
    items.push({ str: line, x: 50, y, w: line.length * 5, h: 10, eol: true });
    y -= 14;
  }
  return items;
}

describe("assemblePdfText", () => {
  it("joins a word hyphenated at a line's end, keeps a real hyphen before a capital, and sets paragraphs apart", () => {
    const { text, pages } = assemblePdfText([page(["The organi-", "zation met in anti-", "NATO mood.", "", "A new paragraph", "goes on."])]);
    expect(text).toBe("The organization met in anti-NATO mood.\n\nA new paragraph goes on.");
    expect(pages).toEqual([0]);
  });

  it("drops running heads, footers and page numbers found on most pages, and records where each page starts", () => {
    const words = ["Alpha", "Bravo", "Charlie", "Delta"];
    const pages = [1, 2, 3, 4].map((n) => page(["Journal of Things · Vol. 3", `${words[n - 1]} opens page`, `and ${words[n - 1].toLowerCase()} ends it.`, `${n}`]));
    const result = assemblePdfText(pages);
    expect(result.text).not.toContain("Journal");
    expect(result.text).not.toMatch(/\.\s*\d\b/);
    expect(result.pages).toHaveLength(4);
    for (let n = 1; n <= 4; n++) expect(result.text.slice(result.pages[n - 1])).toMatch(new RegExp(`^${words[n - 1]} opens`));
  });

  it("keeps what appears at the top of a single page (too few pages to tell a running head)", () => {
    expect(assemblePdfText([page(["Title", "Text."])]).text).toBe("Title Text.");
  });

  it("puts a space between items of a line drawn apart without one", () => {
    const items: TPdfItem[] = [
      { str: "two", x: 50, y: 700, w: 15, h: 10, eol: false },
      { str: "words", x: 70, y: 700, w: 25, h: 10, eol: true },
    ];
    expect(assemblePdfText([items]).text).toBe("two words");
  });
});

describe("pageAt", () => {
  it("finds the page an offset falls on, null without pages", () => {
    expect(pageAt([0, 100, 250], 0)).toBe(1);
    expect(pageAt([0, 100, 250], 99)).toBe(1);
    expect(pageAt([0, 100, 250], 100)).toBe(2);
    expect(pageAt([0, 100, 250], 10_000)).toBe(3);
    expect(pageAt([], 5)).toBeNull();
    expect(pageAt(null, 5)).toBeNull();
    expect(pageLabel(7)).toBe("p. 7");
    expect(pageLabel(null)).toBe("");
  });
});
