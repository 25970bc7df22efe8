import { describe, expect, it } from "vitest";
import {
  MARK_CLOSE as C,
  MARK_OPEN as O,
  clipFragment,
  mergeMarks,
  normalizeSearchText,
  parseMarked,
  queryWords,
  similarWordMarks,
  trigramSimilarity,
  type TMark,
} from "../search";

const words = (text: string, marks: readonly TMark[]) => marks.map((m) => text.slice(m.start, m.end));

describe("parseMarked", () => {
  it("turns the database's wrapped words into offsets of the original text", () => {
    const original = "A Eurasian “talk shop.” Then more.";
    // The database highlights the normalized text: curly quotes arrive as spaces.
    const marked = `A Eurasian  ${O}talk${C} ${O}shop${C}.  Then more.`;
    const marks = parseMarked(marked, original)!;
    expect(words(original, marks)).toEqual(["talk", "shop"]);
    expect(marks).toEqual([
      { start: 12, end: 16 },
      { start: 17, end: 21 },
    ]);
  });

  it("counts in UTF-16 code units, past emoji", () => {
    const original = "🌍 talk 👍🏽 shop";
    const marks = parseMarked(`🌍 ${O}talk${C} 👍🏽 ${O}shop${C}`, original)!;
    expect(words(original, marks)).toEqual(["talk", "shop"]);
  });

  it("refuses a result that does not come back to the text, or is badly nested", () => {
    expect(parseMarked(`${O}other${C} words`, "some words")).toBeNull();
    expect(parseMarked(`${O}some${O} words${C}`, "some words")).toBeNull();
    expect(parseMarked(`some${C} words`, "some words")).toBeNull();
    expect(parseMarked(`${O}some words`, "some words")).toBeNull();
    // A text that itself holds the marker characters cannot be marked reliably.
    expect(parseMarked(`a${O}b${C}`, `a${O}b${C}`)).toBeNull();
  });

  it("returns no marks for a text without matches", () => {
    expect(parseMarked("plain text", "plain text")).toEqual([]);
  });
});

describe("normalizeSearchText", () => {
  it("replaces typographic quotes, dashes and spaces one for one, and keeps letters", () => {
    const text = "“Kazakhstan’s” anti‑NATO\u00a0bloc — «Müller» …";
    const normalized = normalizeSearchText(text);
    expect(normalized).toBe(" Kazakhstan s  anti-NATO bloc    Müller   ");
    expect(normalized.length).toBe(text.length);
  });
});

describe("mergeMarks", () => {
  it("sorts and joins overlapping or touching ranges", () => {
    expect(mergeMarks([{ start: 10, end: 12 }, { start: 0, end: 3 }, { start: 2, end: 5 }, { start: 5, end: 6 }, { start: 8, end: 8 }])).toEqual([
      { start: 0, end: 6 },
      { start: 10, end: 12 },
    ]);
  });
});

describe("clipFragment", () => {
  const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");

  it("leaves a short text whole", () => {
    expect(clipFragment("short text", [{ start: 6, end: 10 }], 100)).toEqual({ text: "short text", marks: [{ start: 6, end: 10 }], offset: 0, clippedStart: false, clippedEnd: false });
  });

  it("cuts a window of whole words around the first mark, with the marks moved into it", () => {
    const start = long.indexOf("word40");
    const fragment = clipFragment(long, [{ start, end: start + 6 }], 90);
    expect(fragment.text.length).toBeLessThanOrEqual(90);
    expect(long.slice(fragment.offset, fragment.offset + fragment.text.length)).toBe(fragment.text);
    expect(fragment.text).toMatch(/^word\d+ .* word\d+$/);
    expect(words(fragment.text, fragment.marks)).toEqual(["word40"]);
    // The match sits in the first half, with context before it.
    expect(fragment.marks[0].start).toBeGreaterThan(0);
    expect(fragment.marks[0].start).toBeLessThan(45);
    expect(fragment).toMatchObject({ clippedStart: true, clippedEnd: true });
  });

  it("starts at the beginning when the match is there, and drops marks outside the window", () => {
    const fragment = clipFragment(long, [{ start: 0, end: 5 }, { start: long.length - 6, end: long.length }], 50);
    expect(fragment.offset).toBe(0);
    expect(fragment.clippedStart).toBe(false);
    expect(fragment.clippedEnd).toBe(true);
    expect(words(fragment.text, fragment.marks)).toEqual(["word0"]);
  });

  it("ends at the end when the match is there", () => {
    const start = long.indexOf("word59");
    const fragment = clipFragment(long, [{ start, end: start + 6 }], 50);
    expect(fragment.offset + fragment.text.length).toBe(long.length);
    expect(fragment.clippedEnd).toBe(false);
    expect(words(fragment.text, fragment.marks)).toEqual(["word59"]);
  });
});

describe("trigram similarity (as pg_trgm)", () => {
  it("matches PostgreSQL's figures", () => {
    // select similarity('nurimbetof', 'nurimbetov') → 0.6923077; ('secruity', 'security') → 0.3846154
    expect(trigramSimilarity("Nurimbetof", "Nurimbetov")).toBeCloseTo(0.6923077, 6);
    expect(trigramSimilarity("secruity", "security")).toBeCloseTo(0.3846154, 6);
    expect(trigramSimilarity("talk", "talk")).toBe(1);
    expect(trigramSimilarity("abc", "xyz")).toBe(0);
  });

  it("marks the words of a text that are like the query's words", () => {
    const name = "Rakhmatulla Nurimbetov";
    expect(words(name, similarWordMarks(name, "Nurimbetof"))).toEqual(["Nurimbetov"]);
    const claim = "Kazakhstan successfully balances between Russia, China and the West.";
    expect(words(claim, similarWordMarks(claim, "kazakstan balancing"))).toEqual(["Kazakhstan", "balances"]);
    expect(similarWordMarks(claim, "!!")).toEqual([]);
  });

  it("takes the query's words in lower case, once each", () => {
    expect(queryWords("Talk talk SHOP, a shop")).toEqual(["talk", "shop", "a"]);
    expect(queryWords("Talk a shop", 3)).toEqual(["talk", "shop"]);
  });
});
