import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "../csv/to-csv";
import { markdownDestination } from "../markdown/to-markdown";

/** Cells that start with what a spreadsheet reads as a formula, or with anything else. */
const CELL = fc.oneof(
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", " ", "\n", "\uFEFF"), fc.string({ unit: "binary", maxLength: 20 })).map(([a, b]) => a + b),
  fc.string({ unit: "binary", maxLength: 20 }),
);

describe("neutraliseFormula on arbitrary cells", () => {
  it("never returns a cell starting with = + - @, tab or carriage return, and only ever adds one apostrophe", () => {
    fc.assert(
      fc.property(CELL, (cell) => {
        const result = neutraliseFormula(cell);
        expect(result).not.toMatch(/^[=+\-@\t\r]/);
        expect(result === cell || result === `'${cell}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Addresses with the characters that could end a `<…>` destination or start a new construct. */
const URLISH = fc
  .tuple(
    fc.constantFrom("http://", "https://", "HTTPS://", "javascript:", "data:", "//", "", " https://"),
    fc.array(fc.oneof(fc.constantFrom("<", ">", "\\", " ", "\t", "\n", "\r", "\u00a0", "\u2028", ")", "(", "[", "]", "%3E", "a.example", "/"), fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 12 }),
  )
  .map(([scheme, rest]) => scheme + rest.join(""));

describe("markdownDestination on arbitrary addresses", () => {
  it("links only http(s) addresses, and never lets one out of its <…> destination", () => {
    fc.assert(
      fc.property(URLISH, (url) => {
        const result = markdownDestination(url);
        if (!/^https?:\/\//i.test(url)) return void expect(result).toBe("");
        expect(result).toMatch(/^https?:\/\//i);
        // CommonMark: a <…> destination ends at > and may not hold < or a line ending; \ escapes.
        expect(result).not.toMatch(/[<>\\\n\r]/);
        expect(result).not.toMatch(/\s/);
        expect(decodeURIComponent(result.replace(/%(?![0-9A-F]{2})/gi, "%25"))).toBeTypeOf("string");
      }),
      { numRuns: 3000 },
    );
  });
});
