import { describe, expect, it } from "vitest";
import { readAnnotations } from "@/lib/import/annotations/read-annotations";
import { hypothesisTags, hypothesisToW3c } from "../hypothesis-to-w3c";

const CLAIM = "5f0c1b7e-2d4a-4c1e-9a3b-0d1e2f3a4b5c";
const OTHER = "6a1d2c8f-3e5b-4d2f-8b4c-1e2f3a4b5c6d";
const rowWith = (tags: unknown, extra: Record<string, unknown> = {}) => ({
  id: "a1",
  user: "acct:alice@hypothes.is",
  text: " Her reading. ",
  tags,
  target: [{ source: "https://x", selector: [{ type: "TextQuoteSelector", exact: "quote", prefix: "a ", suffix: " b" }, { type: "TextPositionSelector", start: 2, end: 7 }, { type: "FragmentSelector", value: "p1" }] }],
  ...extra,
});

describe("hypothesisToW3c", () => {
  it("reads back, through the W3C reader, as the same selectors, the note and each mapped claim with its stance and voice", () => {
    const { annotations, rowOf } = hypothesisToW3c([rowWith(["pro", "con", "pro", "unmapped"])], [
      { tag: "pro", claimId: CLAIM, stance: "SUPPORTS", voice: "AUTHOR" },
      { tag: "con", claimId: OTHER, stance: "OPPOSES", voice: "REPORTED" },
    ]);
    expect(rowOf).toEqual([{ index: 0, id: "a1", user: "alice" }, { index: 0, id: "a1", user: "alice" }]);
    const read = readAnnotations(annotations);
    expect(read).toEqual([
      { index: 0, quote: { exact: "quote", prefix: "a ", suffix: " b" }, position: { start: 2, end: 7 }, claimId: CLAIM, stance: "SUPPORTS", reported: false, note: "Her reading." },
      { index: 1, quote: { exact: "quote", prefix: "a ", suffix: " b" }, position: { start: 2, end: 7 }, claimId: OTHER, stance: "OPPOSES", reported: true, note: "Her reading." },
    ]);
  });

  it("makes one annotation without a claim for a row with no mapped tag, and survives rows of any shape", () => {
    const { annotations, rowOf } = hypothesisToW3c([rowWith([]), null, "text", { tags: "not a list", target: "nowhere" }], []);
    expect(annotations).toHaveLength(4);
    expect(rowOf.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(readAnnotations(annotations).map((a) => a.claimId)).toEqual([null, null, null, null]);
  });
});

describe("hypothesisTags", () => {
  it("lists each tag once with the rows that carry it, most used first", () => {
    expect(hypothesisTags([rowWith(["b", "a", "a"]), rowWith(["a"]), rowWith("x"), {}])).toEqual([
      { tag: "a", count: 2 },
      { tag: "b", count: 1 },
    ]);
  });
});
