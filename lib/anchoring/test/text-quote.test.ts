import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anchorQuote, describeRange, findOccurrences, matchesPosition, MAX_CHECKED_OCCURRENCES, MAX_LISTED_CANDIDATES } from "../text-quote";
import { timeSync } from "../../testing/stall-probe";

const corpusDir = path.join(process.cwd(), "prisma", "seed", "corpus");
const corpus = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).map((file) => ({ file, text: fs.readFileSync(path.join(corpusDir, file), "utf8") }));

describe("describeRange", () => {
  it("builds a selector with up to 32 characters of context", () => {
    const text = "The SCO is not a military alliance, says the author.";
    const selector = describeRange(text, 4, 7);
    expect(selector).toEqual({ start: 4, end: 7, exact: "SCO", prefix: "The ", suffix: " is not a military alliance, say" });
  });

  it("rejects empty and out-of-range ranges", () => {
    expect(() => describeRange("abc", 2, 2)).toThrow(RangeError);
    expect(() => describeRange("abc", -1, 2)).toThrow(RangeError);
    expect(() => describeRange("abc", 1, 4)).toThrow(RangeError);
  });
});

describe("anchorQuote", () => {
  const text = "A talk shop. Some call it a talk shop; others a bloc. A talk shop!";

  it("finds a unique quote", () => {
    const result = anchorQuote(text, { exact: "others a bloc" });
    expect(result).toMatchObject({ ok: true, selector: { start: 39, end: 52, exact: "others a bloc" } });
  });

  it("uses prefix and suffix to pick among repeats", () => {
    const result = anchorQuote(text, { exact: "talk shop", prefix: "call it a ", suffix: ";" });
    expect(result.ok && result.selector.start).toBe(text.indexOf("talk shop; "));
  });

  it("reports ambiguity with every candidate", () => {
    const result = anchorQuote(text, { exact: "talk shop" });
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === "ambiguous") expect(result.candidates.map((c) => c.start)).toEqual(findOccurrences(text, "talk shop"));
    else throw new Error("expected ambiguity");
  });

  it("reports a quote that is not there, or whose context does not match", () => {
    expect(anchorQuote(text, { exact: "military alliance" })).toEqual({ ok: false, reason: "not-found" });
    expect(anchorQuote(text, { exact: "others a bloc", prefix: "nobody says " })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("anchoring on the corpus", () => {
  it.each(corpus)("re-anchors passages of $file from their quotes, including curly quotes and dashes", ({ text }) => {
    // Take passages at several places, including ones that run across a paragraph break.
    const breaks = findOccurrences(text, "\n\n").filter((at) => at > 200 && at < text.length - 200);
    const starts = [Math.floor(text.length / 5), Math.floor(text.length / 2), breaks[0] - 80, breaks[breaks.length - 1] - 40];
    for (const start of starts) {
      const selector = describeRange(text, start, start + 160);
      expect(matchesPosition(text, selector)).toBe(true);
      const result = anchorQuote(text, { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix });
      expect(result).toEqual({ ok: true, selector });
    }
    const curly = /[‘’“”–—]/.exec(text);
    if (curly) {
      const selector = describeRange(text, Math.max(0, curly.index - 20), curly.index + 20);
      expect(anchorQuote(text, selector)).toEqual({ ok: true, selector });
    }
  });

  it("detects a position selector that no longer matches its text", () => {
    const { text } = corpus[0];
    const selector = describeRange(text, 100, 150);
    expect(matchesPosition(text, { ...selector, start: 101, end: 151 })).toBe(false);
    expect(matchesPosition(text, { ...selector, end: text.length + 5 })).toBe(false);
  });
});

describe("hostile quotes finish in linear time", () => {
  const TWO_MB = 2 * 1024 * 1024;

  it("lists a few of two million occurrences of “a” and says there are more", () => {
    const text = "a".repeat(TWO_MB);
    const { result, ms } = timeSync(() => anchorQuote(text, { exact: "a" }));
    expect(result).toMatchObject({ ok: false, reason: "ambiguous", count: MAX_CHECKED_OCCURRENCES, more: true });
    expect(result.ok === false && result.reason === "ambiguous" && result.candidates.length).toBe(MAX_LISTED_CANDIDATES);
    expect(ms).toBeLessThan(1000);
  });

  it("searches for a 20,000-character quote with one odd letter in 2 MB of one letter", () => {
    const text = "a".repeat(TWO_MB);
    const exact = `${"a".repeat(10_000)}b${"a".repeat(9_999)}`;
    const { result, ms } = timeSync(() => anchorQuote(text, { exact }));
    expect(result).toEqual({ ok: false, reason: "not-found" });
    expect(ms).toBeLessThan(1000);
  });

  it("checks prefix and suffix in place, without slicing the text per occurrence", () => {
    const text = `${"ab".repeat(TWO_MB / 4)}zzab${"ab".repeat(TWO_MB / 4)}`;
    const { result, ms } = timeSync(() => anchorQuote(text, { exact: "ab", prefix: "zz" }));
    // The one preceded by "zz" is past the checked occurrences: too common to say where it is.
    expect(result).toMatchObject({ ok: false, reason: "ambiguous", count: 0, more: true });
    expect(ms).toBeLessThan(1000);
  });

  it("finds every overlapping occurrence, and stops at a limit", () => {
    expect(findOccurrences("aaaa", "aa")).toEqual([0, 1, 2]);
    expect(findOccurrences("abcabcab", "cab")).toEqual([2, 5]);
    expect(findOccurrences("aaaa", "aa", 2)).toEqual([0, 1]);
    expect(findOccurrences("abc", "")).toEqual([]);
    expect(findOccurrences("ab", "abc")).toEqual([]);
  });

  it("lets a position hint pick one of several equal quotes", () => {
    const text = "the bloc, the bloc, the bloc";
    expect(anchorQuote(text, { exact: "the bloc" }, { hint: 10 })).toMatchObject({ ok: true, selector: { start: 10, end: 18 } });
    expect(anchorQuote(text, { exact: "the bloc" }, { hint: 3 })).toMatchObject({ ok: false, reason: "ambiguous", count: 3, more: false });
  });
});
