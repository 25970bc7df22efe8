import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorQuote } from "../anchor-quote";
import { normaliseQuote, normaliseText } from "../normalise";
import { findOccurrences } from "../text-quote";
import { MEGABYTE, withinBudget } from "../../testing/fuzz-budget";

/** Texts of a few short words, spaces, line breaks, quotation marks and dashes: they repeat and nearly repeat. */
const piece = fc.constantFrom("sco", "bloc", "nato", "talk", "shop", " ", " ", "\n", "’", "'", "“", '"', "–", "-", "organ-\nisation", "\u00ad", "…", "e\u0301");
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((parts) => parts.join(""));

describe("anchorQuote on random texts and quotes", () => {
  it("never throws, and a placed quote is always the text's own characters", () => {
    fc.assert(
      fc.property(text(60), text(12), fc.option(text(6), { nil: undefined }), fc.option(text(6), { nil: undefined }), fc.option(fc.integer({ min: -5, max: 500 }), { nil: undefined }), (t, exact, prefix, suffix, hint) => {
        const result = anchorQuote(t, { exact, prefix, suffix, hint });
        if (!result.ok) return;
        const { start, end } = result.selector;
        expect(0 <= start && start < end && end <= t.length).toBe(true);
        expect(result.selector.exact).toBe(t.slice(start, end));
        expect(result.anchoring.score).toBeGreaterThan(0);
        expect(result.anchoring.score).toBeLessThanOrEqual(1);
        if (result.anchoring.method !== "fuzzy") expect(result.anchoring.score).toBe(1);
      }),
      { numRuns: 1500 },
    );
  });

  it("places a quote that occurs once verbatim exactly there", () => {
    fc.assert(
      fc.property(
        text(60).chain((t) => fc.record({ t: fc.constant(t), start: fc.nat(Math.max(0, t.length - 1)), length: fc.integer({ min: 1, max: 30 }) })),
        ({ t, start, length }) => {
          const exact = t.slice(start, start + length);
          fc.pre(exact.length > 0 && findOccurrences(t, exact).length === 1);
          expect(anchorQuote(t, { exact })).toMatchObject({ ok: true, selector: { start, end: start + exact.length }, anchoring: { method: "exact" } });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("places a quote copied with other spaces and marks, when its normal form occurs once, at a span with that normal form", () => {
    fc.assert(
      fc.property(
        text(60).chain((t) => fc.record({ t: fc.constant(t), start: fc.nat(Math.max(0, t.length - 1)), length: fc.integer({ min: 1, max: 30 }) })),
        ({ t, start, length }) => {
          const original = t.slice(start, start + length);
          const exact = original.replace(/ /g, "\n").replace(/’/g, "'").replace(/–/g, "-");
          const normal = normaliseQuote(exact);
          fc.pre(normal.length > 0 && exact !== original && findOccurrences(t, exact).length === 0 && findOccurrences(normaliseText(t).text, normal).length === 1);
          const result = anchorQuote(t, { exact });
          expect(result.ok && result.anchoring.method).toBe("normalised");
          if (result.ok) expect(normaliseQuote(result.selector.exact)).toBe(normal);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finishes within a second per megabyte on repetitive texts and quotes", () => {
    fc.assert(
      fc.property(
        fc.record({ unit: text(6).filter((s) => s !== ""), quoteUnit: text(4).filter((s) => s !== ""), quoteTimes: fc.integer({ min: 1, max: 3000 }), odd: fc.constantFrom("", "x", "’x", "q-\nq") }),
        ({ unit, quoteUnit, quoteTimes, odd }) => {
          const t = unit.repeat(Math.ceil(MEGABYTE / unit.length)).slice(0, MEGABYTE);
          const exact = `${quoteUnit.repeat(quoteTimes)}${odd}${quoteUnit.repeat(quoteTimes)}`.slice(0, 20_000);
          withinBudget(t.length, () => anchorQuote(t, { exact, prefix: quoteUnit, suffix: odd }));
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);
});
