import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { anchorQuote, MAX_SCORED_CANDIDATES, MIN_FUZZY_QUOTE_LENGTH, prepareText } from "../anchor-quote";
import { normaliseQuote, normaliseText, toOriginalSpan } from "../normalise";
import { findOccurrences, MAX_LISTED_CANDIDATES } from "../text-quote";
import { withinBudget } from "../../testing/fuzz-budget";
import { quoteVariants, type TQuoteVariant } from "./quote-variants";

const corpusDir = path.join(process.cwd(), "prisma", "seed", "corpus");
const sourcesJson = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as { sources: { id: string; file: string }[] };
const texts = new Map(sourcesJson.sources.map((s) => [s.id, fs.readFileSync(path.join(corpusDir, s.file), "utf8")]));
const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma", "seed", "sco-debate.json"), "utf8")) as { evidence: { source: string; exact: string; occurrence?: number }[] };

/** Each seeded passage once, with where the seed places it. */
const excerpts = [...new Map(seed.evidence.map((e) => [`${e.source}\u0000${e.exact}\u0000${e.occurrence ?? 0}`, e])).values()].map((e) => {
  const text = texts.get(e.source)!;
  const start = findOccurrences(text, e.exact)[e.occurrence ?? 0];
  return { source: e.source, text, exact: e.exact, start, end: start + e.exact.length };
});

describe("normaliseText", () => {
  it("maps each character of the normal form back to its original span", () => {
    const text = "The  “SCO’s”\n\norgan-\nisation – a bloc\u00ad\nlike ﬁeld…";
    const normal = normaliseText(text);
    expect(normal.text).toBe(`The "SCO's" organisation - a bloclike field...`);
    const at = normal.text.indexOf("organisation");
    expect(text.slice(toOriginalSpan(normal, at, at + 12).start, toOriginalSpan(normal, at, at + 12).end)).toBe("organ-\nisation");
    const fi = normal.text.indexOf("field");
    expect(toOriginalSpan(normal, fi, fi + 1)).toEqual({ start: text.indexOf("ﬁ"), end: text.indexOf("ﬁ") + 1 });
    const dots = normal.text.indexOf("...");
    expect(toOriginalSpan(normal, dots, dots + 3)).toEqual({ start: text.length - 1, end: text.length });
  });

  it("joins a hyphenated word only across a line break between letters", () => {
    expect(normaliseText("organ- isation").text).toBe("organ- isation");
    expect(normaliseText("2021-\n2022").text).toBe("2021- 2022");
    expect(normaliseText("anti-\nNATO").text).toBe("antiNATO");
    expect(normaliseText("self‐\r\n  evident").text).toBe("selfevident");
  });

  it("composes a letter with its combining marks and keeps offsets of surrogate pairs", () => {
    const text = "cafe\u0301 😀 x";
    const normal = normaliseText(text);
    expect(normal.text).toBe("café 😀 x");
    expect(toOriginalSpan(normal, 3, 4)).toEqual({ start: 3, end: 5 });
    expect(toOriginalSpan(normal, 5, 7)).toEqual({ start: 6, end: 8 });
  });

  it("drops ellipses and whitespace at a quote's ends, not inside it", () => {
    expect(normaliseQuote(" … the SCO ... is a bloc...\n")).toBe("the SCO ... is a bloc");
    expect(normaliseQuote("......")).toBe("");
  });
});

describe("anchorQuote on the seeded passages", () => {
  const counts = new Map<TQuoteVariant["kind"] | "verbatim", { tried: number; placed: number }>();
  const count = (kind: TQuoteVariant["kind"] | "verbatim", placed: boolean) => {
    const c = counts.get(kind) ?? { tried: 0, placed: 0 };
    c.tried++;
    if (placed) c.placed++;
    counts.set(kind, c);
  };
  afterAll(() => {
    const lines = [...counts].map(([kind, c]) => `${kind}: ${c.placed}/${c.tried}`);
    console.info(`seeded passages: ${excerpts.length}; variants placed at the right span — ${lines.join(", ")}`);
  });

  it("has the seed's passages to test", () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(60);
    for (const e of excerpts) expect(e.text.slice(e.start, e.end)).toBe(e.exact);
  });

  it.each(excerpts.map((e, i) => ({ ...e, name: `${e.source} #${i}` })))("places every variant of $name at its span, and nowhere else", (excerpt) => {
    const prepared = prepareText(excerpt.text);
    const verbatim = anchorQuote(prepared, { exact: excerpt.exact, prefix: excerpt.text.slice(Math.max(0, excerpt.start - 32), excerpt.start) });
    expect(verbatim).toMatchObject({ ok: true, selector: { start: excerpt.start, end: excerpt.end }, anchoring: { method: "exact", score: 1 } });
    count("verbatim", verbatim.ok);
    for (const variant of quoteVariants(excerpt.exact)) {
      const result = anchorQuote(prepared, { exact: variant.quote });
      const expected = { start: excerpt.start + variant.from, end: excerpt.start + variant.to };
      count(variant.kind, result.ok && result.selector.start === expected.start && result.selector.end === expected.end);
      expect({ kind: variant.kind, quote: variant.quote, placed: result.ok ? { start: result.selector.start, end: result.selector.end } : result.reason }).toEqual({ kind: variant.kind, quote: variant.quote, placed: expected });
      if (!result.ok) continue;
      expect(result.selector.exact).toBe(excerpt.text.slice(expected.start, expected.end));
      if (variant.kind === "typo") expect(result.anchoring).toMatchObject({ method: "fuzzy" });
      if (result.anchoring.method === "fuzzy") {
        expect(result.anchoring.score).toBeGreaterThanOrEqual(0.9);
        expect(result.anchoring.score).toBeLessThan(1);
      } else expect(result.anchoring.score).toBe(1);
    }
  });

  it("refuses a seeded passage in another source's text, in any variant", () => {
    let refused = 0;
    for (const excerpt of excerpts) {
      const other = [...texts].find(([id]) => id !== excerpt.source)![1];
      for (const quote of [excerpt.exact, ...quoteVariants(excerpt.exact).map((v) => v.quote)]) {
        const result = anchorQuote(other, { exact: quote });
        expect(result).toEqual({ ok: false, reason: "not-found" });
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(excerpts.length * 6);
  });
});

describe("a quote that occurs twice", () => {
  const excerpt = excerpts[0];
  const paragraphStart = excerpt.text.lastIndexOf("\n", excerpt.start) + 1;
  const paragraphEnd = excerpt.text.indexOf("\n", excerpt.end);
  const paragraph = excerpt.text.slice(paragraphStart, paragraphEnd === -1 ? undefined : paragraphEnd);
  // The passage's paragraph again at the end: two places with the same words and the same context.
  const text = `${excerpt.text}\n\n${paragraph}\n`;
  const second = text.lastIndexOf(excerpt.exact);

  it.each([
    ["verbatim", excerpt.exact],
    ["with line breaks", excerpt.exact.replace(/ /g, "\n")],
    ["with a typo", quoteVariants(excerpt.exact).find((v) => v.kind === "typo")!.quote],
  ])("is refused %s, listing both places", (_, quote) => {
    const result = anchorQuote(text, { exact: quote });
    expect(result).toMatchObject({ ok: false, reason: "ambiguous", count: 2, more: false });
    if (result.ok || result.reason !== "ambiguous") throw new Error("expected ambiguity");
    expect(result.candidates.map((c) => c.start)).toEqual([excerpt.start, second]);
    for (const c of result.candidates) expect(c.exact).toBe(text.slice(c.start, c.end));
  });

  it("is placed by a hint at one of the places, or by a context that differs", () => {
    const typo = quoteVariants(excerpt.exact).find((v) => v.kind === "typo")!.quote;
    expect(anchorQuote(text, { exact: typo, hint: second + 3 })).toMatchObject({ ok: true, selector: { start: second }, anchoring: { method: "fuzzy" } });
    expect(anchorQuote(text, { exact: excerpt.exact, hint: excerpt.start })).toMatchObject({ ok: true, selector: { start: excerpt.start } });
    const unique = `${text.slice(0, second)}Elsewhere: ${text.slice(second)}`;
    const at = unique.lastIndexOf(excerpt.exact);
    // The prefix as another rendering has it (curly quote, different spacing) still decides.
    expect(anchorQuote(unique, { exact: typo, prefix: "Elsewhere:  " })).toMatchObject({ ok: true, selector: { start: at } });
  });
});

describe("short and absent quotes", () => {
  const text = texts.get("ecfr-2022")!;

  it("does not look for short quotes approximately", () => {
    const quote = "anti-NATO bl0c".slice(0, MIN_FUZZY_QUOTE_LENGTH - 1);
    expect(anchorQuote(text, { exact: quote })).toEqual({ ok: false, reason: "not-found" });
  });

  it("looks no further than the normal form when asked for no approximate search", () => {
    const sentence = text.slice(text.indexOf("The"), text.indexOf(".", text.indexOf("The")) + 1);
    expect(sentence.length).toBeGreaterThan(40);
    const typo = `${sentence.slice(0, 20)}#${sentence.slice(21)}`;
    expect(anchorQuote(text, { exact: typo })).toMatchObject({ ok: true, anchoring: { method: "fuzzy" } });
    expect(anchorQuote(text, { exact: typo, approximate: false })).toEqual({ ok: false, reason: "not-found" });
    expect(anchorQuote(text, { exact: sentence.replaceAll(" ", "\n"), approximate: false })).toMatchObject({ ok: true, anchoring: { method: "normalised" } });
  });

  it("refuses a quote that is not in the text, and an empty one", () => {
    expect(anchorQuote(text, { exact: "The SCO has become a full military alliance with a joint command." })).toEqual({ ok: false, reason: "not-found" });
    expect(anchorQuote(text, { exact: " … " })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("hostile quotes stay within their budget", () => {
  const TWO_MB = 2 * 1024 * 1024;
  const article = [...texts.values()].join("\n\n");
  // Natural text of 2 MB with no passage repeated: the article's words shuffled.
  const words = article.repeat(Math.ceil(TWO_MB / article.length)).split(" ");
  let state = 7;
  for (let i = words.length - 1; i > 0; i--) {
    state = (state * 16807) % 2147483647;
    const j = state % (i + 1);
    [words[i], words[j]] = [words[j], words[i]];
  }
  const prose = words.join(" ").slice(0, TWO_MB);

  it("places a 20,000-character quote with errors in 2 MB of prose", () => {
    const start = prose.indexOf(" ", 1_000_000) + 1;
    const end = prose.lastIndexOf(" ", start + 20_000);
    const quote = prose.slice(start, end).replace("the", "teh").replace(/ of /, " 0f ");
    const result = withinBudget(TWO_MB, () => anchorQuote(prose, { exact: quote }));
    expect(result).toMatchObject({ ok: true, selector: { start, end }, anchoring: { method: "fuzzy" } });
  });

  it("refuses a quote absent from 2 MB of prose", () => {
    expect(withinBudget(TWO_MB, () => anchorQuote(prose, { exact: "abcdefghijklmnopqrstuvwxyz".repeat(8) }))).toEqual({ ok: false, reason: "not-found" });
  });

  it.each([
    ["one letter, a 20,000-character quote with one odd letter", "a".repeat(TWO_MB), `${"a".repeat(10_000)}b${"a".repeat(9_999)}`],
    ["two letters, a quote with one odd letter", "ab".repeat(TWO_MB / 2), `${"ab".repeat(40)}x${"ab".repeat(40)}`],
    ["combining marks, a quote of marks", "e\u0301".repeat(TWO_MB / 2), `${"e\u0301".repeat(50)}x`],
    ["spaces and dots, a quote of dots", ". ".repeat(TWO_MB / 2), `${".".repeat(20_000)}x`],
  ])("%s: answers at once (too common, or not there), listing a few", (_, text, exact) => {
    const result = withinBudget(text.length, () => anchorQuote(text, { exact }));
    if (result.ok) throw new Error("a repetitive text cannot place a quote");
    if (result.reason === "ambiguous") {
      expect(result.candidates.length).toBeLessThanOrEqual(MAX_LISTED_CANDIDATES);
      expect(result.count > MAX_SCORED_CANDIDATES || result.more).toBe(true);
    }
  });
});
