import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withinBudget, MEGABYTE } from "../../testing/fuzz-budget";
import { anchorQuote, CONTEXT_LENGTH, findOccurrences, MAX_CHECKED_OCCURRENCES } from "../text-quote";

/** Every offset at which `exact` starts in `text`, by comparing at each one: obviously right, and slow. */
function naiveOccurrences(text: string, exact: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  if (exact === "") return found;
  for (let i = 0; i + exact.length <= text.length && found.length < limit; i++) if (text.slice(i, i + exact.length) === exact) found.push(i);
  return found;
}

/** Strings over two or three letters repeat themselves, so quotes occur often, overlap and nearly match. */
const tiny = (maxLength: number) => fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength });
const binary = (maxLength: number) => fc.string({ unit: fc.constantFrom("a", "b"), maxLength });

/** A quote taken from the text (with its real context, some of it, or none), or made up. */
const TEXT_AND_QUOTE = tiny(60).chain((text) =>
  fc.record({
    text: fc.constant(text),
    quote: fc.oneof(
      fc.record({ exact: tiny(6).filter((s) => s !== ""), prefix: fc.option(tiny(4), { nil: undefined }), suffix: fc.option(tiny(4), { nil: undefined }) }),
      fc
        .record({ start: fc.nat(Math.max(0, text.length - 1)), length: fc.integer({ min: 1, max: 8 }), before: fc.nat(6), after: fc.nat(6) })
        .map(({ start, length, before, after }) => ({
          exact: text.slice(start, start + length) || "a",
          prefix: before ? text.slice(Math.max(0, start - before), start) : undefined,
          suffix: after ? text.slice(start + length, start + length + after) : undefined,
        })),
    ),
    hint: fc.option(fc.integer({ min: -2, max: 70 }), { nil: undefined }),
  }),
);

describe("findOccurrences against a naive search", () => {
  it("finds the same offsets, overlapping ones included, up to the limit", () => {
    fc.assert(
      fc.property(binary(40), binary(6), fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), (text, exact, limit) => {
        expect(findOccurrences(text, exact, limit)).toEqual(naiveOccurrences(text, exact, limit));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on any characters, surrogate halves included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), fc.string({ unit: "binary", maxLength: 3 }), (text, exact) => {
        expect(findOccurrences(text, exact)).toEqual(naiveOccurrences(text, exact));
        expect(findOccurrences(text + exact + text, exact)).toEqual(naiveOccurrences(text + exact + text, exact));
      }),
      { numRuns: 300 },
    );
  });
});

describe("anchorQuote on random texts and quotes", () => {
  it("anchors only at the quote, with its context as stored, and says not-found only when no occurrence fits", () => {
    fc.assert(
      fc.property(TEXT_AND_QUOTE, ({ text, quote, hint }) => {
        const result = anchorQuote(text, quote, { hint });
        const fits = naiveOccurrences(text, quote.exact).filter(
          (s) => (!quote.prefix || text.slice(0, s).endsWith(quote.prefix)) && (!quote.suffix || text.slice(s + quote.exact.length).startsWith(quote.suffix)),
        );
        if (result.ok) {
          const { start, end, exact, prefix, suffix } = result.selector;
          expect(exact).toBe(text.slice(start, end));
          expect(exact).toBe(quote.exact);
          expect(prefix).toBe(text.slice(Math.max(0, start - CONTEXT_LENGTH), start));
          expect(suffix).toBe(text.slice(end, end + CONTEXT_LENGTH));
          expect(fits).toContain(start);
          if (fits.length > 1) expect(start).toBe(hint);
        } else if (result.reason === "not-found") {
          expect(fits).toEqual([]);
        } else {
          expect(result.count).toBe(fits.length);
          expect(result.candidates.map((c) => c.start)).toEqual(fits.slice(0, result.candidates.length));
          for (const c of result.candidates) expect(c.exact).toBe(text.slice(c.start, c.end));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on any text, quote and hint", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.record({ exact: fc.string({ unit: "binary", maxLength: 5 }), prefix: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), suffix: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }) }),
        fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
        (text, quote, hint) => {
          const result = anchorQuote(text, quote, { hint });
          if (result.ok) expect(result.selector.exact).toBe(text.slice(result.selector.start, result.selector.end));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("finishes within a second per megabyte on repetitive texts and quotes up to a megabyte", () => {
    fc.assert(
      fc.property(
        fc.record({ unit: binary(8).filter((s) => s !== ""), times: fc.integer({ min: 1, max: MEGABYTE / 8 }), quoteUnit: binary(4).filter((s) => s !== ""), quoteTimes: fc.integer({ min: 1, max: 5000 }), odd: fc.constantFrom("", "b", "ab", "c") }),
        ({ unit, times, quoteUnit, quoteTimes, odd }) => {
          const text = unit.repeat(times).slice(0, MEGABYTE);
          const exact = `${quoteUnit.repeat(quoteTimes)}${odd}`.slice(0, 20_000);
          withinBudget(text.length, () => anchorQuote(text, { exact, prefix: quoteUnit.repeat(8), suffix: odd || quoteUnit }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("checks a 1 MB text of one letter against a quote of 20,000 with long context within a second", () => {
    const text = "a".repeat(MEGABYTE);
    const quote = { exact: "a".repeat(20_000), prefix: "a".repeat(CONTEXT_LENGTH), suffix: `${"a".repeat(CONTEXT_LENGTH - 1)}b` };
    const result = withinBudget(text.length, () => anchorQuote(text, quote));
    // The suffix ends in a letter the text lacks: none of the checked occurrences fits, and there are more.
    expect(result).toMatchObject({ ok: false, reason: "ambiguous", count: 0, more: true });
    expect(MAX_CHECKED_OCCURRENCES).toBeLessThan(MEGABYTE - 20_000);
  });
});
