import { describe, expect, it } from "vitest";
import { isRenderableMarkdown, leavesOf, parseMarkdownBlocks, readMarkdownBlocks, visibleText } from "../markdown-blocks";
import { segmentSpans } from "../segments";

const TEXT = "# The SCO\n\nIt is **not** a *bloc*, says [ECFR](https://x.org).\nSecond line.\n\n1. one\n2. two `code`\n\n> quoted\n\n---\n\n```\nfenced\n```\n";

describe("parseMarkdownBlocks", () => {
  const blocks = parseMarkdownBlocks(TEXT);
  const leaves = leavesOf(blocks);

  it("draws headings, paragraphs, lists, quotations, rules and code", () => {
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "blockquote", "rule", "code"]);
    expect(blocks[2]).toMatchObject({ kind: "list", ordered: true, first: 1 });
  });

  it("draws only spans of the stored text, and none of the syntax", () => {
    const drawn = leaves.map((s) => TEXT.slice(s.start, s.end));
    expect(drawn).toEqual(["The SCO", "It is ", "not", " a ", "bloc", ", says ", "ECFR", ".\nSecond line.", "one", "two ", "code", "quoted", "fenced"]);
    for (const piece of drawn) expect(piece).not.toMatch(/[*#`[\]>]|https:/);
    for (let i = 1; i < leaves.length; i++) expect(leaves[i].start).toBeGreaterThanOrEqual(leaves[i - 1].end);
  });

  it("shows a passage's words without the syntax inside it", () => {
    const start = TEXT.indexOf("It is");
    const end = TEXT.indexOf("Second") + 6;
    expect(visibleText(TEXT, leaves, start, end)).toBe("It is not a bloc, says ECFR.\nSecond");
    expect(visibleText(TEXT, leaves, TEXT.indexOf("one"), TEXT.indexOf("code") + 4)).toBe("one two code");
  });

  it("cuts the drawn spans by highlights, marking each highlight's first run once", () => {
    const excerpt = { id: "x", start: TEXT.indexOf("not"), end: TEXT.indexOf("bloc") + 4 };
    const cut = segmentSpans(TEXT.length, leaves, [excerpt]);
    const covered = cut.flatMap((leaf) => leaf.segments.filter((s) => s.excerpts.length > 0));
    expect(covered.map((s) => TEXT.slice(s.start, s.end))).toEqual(["not", " a ", "bloc"]);
    expect(covered.map((s) => s.excerpts[0].first)).toEqual([true, false, false]);
  });
});

describe("readMarkdownBlocks", () => {
  it("renders prose with emphasis, links and lists", () => {
    const prose = `${"The SCO is a *talk shop*, says [one survey](https://example.org/s), and **not** a bloc. ".repeat(3)}${"Its members meet every year and sign declarations that few read. ".repeat(30)}`;
    expect(readMarkdownBlocks(prose)).not.toBeNull();
  });

  it.each([
    ["unclosed links", "[a](".repeat(20_000)],
    ["unclosed strong emphasis", "**a".repeat(20_000)],
    ["brackets", "[".repeat(60_000)],
    ["quotations nested thousands deep", `${"> ".repeat(30_000)}x`],
    ["a text over the limit", "plain words ".repeat(30_000)],
  ])("leaves %s as plain text, without parsing it", (_, text) => {
    expect(isRenderableMarkdown(text)).toBe(false);
    expect(readMarkdownBlocks(text)).toBeNull();
  });
});
