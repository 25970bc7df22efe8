import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZNativeDocumentSchema } from "../../schemas/native-document";
import { MEGABYTE, withinBudget } from "../../testing/fuzz-budget";
import { checkNativeDocument } from "../native/check-native-document";
import { parseKialo } from "../kialo/parse-kialo";

/** Outline numbers shallow enough to collide, repeat and come before their parents. */
const NUMBER = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("."));
const LINE = fc.oneof(
  fc.tuple(NUMBER, fc.constantFrom("Pro: ", "Con: ", "pro:", "CON:  ", ""), fc.oneof(fc.string({ maxLength: 30 }), NUMBER.map((n) => `-> See ${n}.`))).map(([n, side, body]) => `${n}. ${side}${body}`),
  fc.constantFrom("", "   ", "Discussion Title: A debate", "Discussion Title:", "\uFEFF", "-> See 1.", "1.", "1.1."),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const OUTLINE = fc.tuple(fc.array(LINE, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r")).map(([lines, eol]) => lines.join(eol));

/** Whatever the file, either a document the native import accepts or the problems, by line. */
function expectDocumentOrIssues(result: ReturnType<typeof parseKialo>) {
  if (result.document) {
    expect(result.issues).toEqual([]);
    expect(ZNativeDocumentSchema.safeParse(result.document).success).toBe(true);
    expect(checkNativeDocument(result.document)).toEqual([]);
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.length).toBeLessThanOrEqual(50);
    for (const issue of result.issues) expect(issue.path).toMatch(/^line \d+$/);
  }
}

describe("parseKialo on random and mutated outlines", () => {
  it("never throws: it returns a valid native document or the problems by line", () => {
    fc.assert(
      fc.property(OUTLINE, (text) => expectDocumentOrIssues(parseKialo(text))),
      { numRuns: 2000 },
    );
  });

  it("finishes within a second per megabyte on repetitive outlines up to a megabyte", () => {
    fc.assert(
      fc.property(fc.array(LINE, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 40_000 }), (lines, times) => {
        const block = `${lines.join("\n")}\n`;
        const text = block.repeat(Math.max(1, Math.min(times, Math.floor(MEGABYTE / block.length)))).slice(0, MEGABYTE);
        expectDocumentOrIssues(withinBudget(text.length, () => parseKialo(text)));
      }),
      { numRuns: 20 },
    );
  });

  it.each([
    ["a megabyte of empty lines", "\n".repeat(MEGABYTE)],
    ["one line a megabyte long", `1. ${"x".repeat(MEGABYTE)}`],
    ["a number a megabyte deep", `${"1.".repeat(MEGABYTE / 2)} Pro: deep`],
    ["a chain of 35,000 “-> See” lines", `1. Thesis\n${Array.from({ length: 35_000 }, (_, i) => `1.${i + 1}. Pro: -> See 1.${i + 2}.`).join("\n")}`],
    ["60,000 tiny claims under one thesis", `1. T\n${Array.from({ length: 60_000 }, (_, i) => `1.${i + 1}. Con: c`).join("\n")}`],
  ])("reads %s within its budget", (_, text) => {
    expectDocumentOrIssues(withinBudget(text.length, () => parseKialo(text)));
  });
});
