import fc from "fast-check";
import { normaliseQuote } from "../../anchoring/normalise";
import { describe, expect, it } from "vitest";
import { STANCES } from "../../domain/types";
import { MEGABYTE, withinBudget } from "../../testing/fuzz-budget";
import { anchorAnnotations, readAnnotations, type TAnnotationRequest } from "../annotations/read-annotations";

const CLAIM_URL = "https://a.example/w/s/claims/0b7e6b1e-5b8a-4c4f-9f43-1f2a3b4c5d6e";
const WORD = fc.string({ unit: fc.constantFrom("a", "b", " "), maxLength: 8 });
/** Any JSON, or a few words of it: where an annotation's fields may hold anything. */
const ANY = fc.oneof(fc.jsonValue({ maxDepth: 2 }), WORD, fc.integer({ min: -3, max: 60 }));

const SELECTOR = fc.oneof(
  fc.record({ type: fc.constant("TextQuoteSelector"), exact: fc.oneof(WORD, ANY), prefix: fc.oneof(WORD, ANY), suffix: fc.oneof(WORD, ANY) }, { requiredKeys: ["type", "exact"] }),
  fc.record({ type: fc.constant("TextPositionSelector"), start: ANY, end: ANY }),
  fc.record({ type: fc.constantFrom("RangeSelector", "CssSelector"), refinedBy: fc.oneof(ANY, fc.record({ type: fc.constant("TextQuoteSelector"), exact: WORD })) }),
  ANY,
);
const BODY = fc.oneof(
  fc.record({ purpose: fc.constantFrom("classifying", "commenting", "tagging", "linking"), value: fc.oneof(fc.constantFrom("supports", "Opposes", "QUALIFIES", "reported", "constructor", "__proto__", "toString", "hasOwnProperty"), ANY) }),
  fc.record({ id: fc.oneof(fc.constant(CLAIM_URL), fc.constant(`${CLAIM_URL}/`), ANY), source: ANY }, { requiredKeys: [] }),
  ANY,
);
const ANNOTATION = fc.record(
  {
    type: fc.constantFrom("Annotation", "AnnotationPage", "AnnotationCollection"),
    target: fc.oneof(fc.record({ source: ANY, selector: fc.oneof(SELECTOR, fc.array(SELECTOR, { maxLength: 3 })) }, { requiredKeys: [] }), fc.array(fc.record({ selector: SELECTOR }), { maxLength: 2 }), ANY),
    body: fc.oneof(BODY, fc.array(BODY, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);
/** Collections, pages, lists and single annotations, each possibly malformed, or any JSON at all. */
const DOCUMENT = fc.oneof(
  ANNOTATION,
  fc.array(ANNOTATION, { maxLength: 4 }),
  fc.record({ type: fc.constant("AnnotationPage"), items: fc.oneof(fc.array(ANNOTATION, { maxLength: 4 }), ANY) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("AnnotationCollection"), first: fc.oneof(fc.record({ items: fc.array(ANNOTATION, { maxLength: 4 }) }), ANY) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 4 }),
);

function expectRequest(r: TAnnotationRequest) {
  if (r.quote) expect(typeof r.quote.exact === "string" && r.quote.exact !== "").toBe(true);
  if (r.position) expect(Number.isInteger(r.position.start) && Number.isInteger(r.position.end)).toBe(true);
  expect(r.stance === null || (STANCES as readonly string[]).includes(r.stance)).toBe(true);
  expect(r.claimId === null || /^[0-9a-f-]{36}$/.test(r.claimId)).toBe(true);
  expect(r.note === null || typeof r.note === "string").toBe(true);
}

describe("readAnnotations and anchorAnnotations on random and malformed documents", () => {
  it("never throw; each request holds only well-typed fields, and each anchor is the quote (or its normal form) at its offsets", () => {
    fc.assert(
      fc.property(DOCUMENT, fc.string({ unit: fc.constantFrom("a", "b", " "), maxLength: 60 }), (document, text) => {
        const requests = readAnnotations(document);
        requests.forEach((r, i) => {
          expect(r.index).toBe(i);
          expectRequest(r);
        });
        const anchored = anchorAnnotations(text, requests);
        expect(anchored).toHaveLength(requests.length);
        for (const a of anchored) {
          if (!("selector" in a)) {
            expect(a.reason).not.toBe("");
            continue;
          }
          expect(a.selector.exact).toBe(text.slice(a.selector.start, a.selector.end));
          // Verbatim, or the same words once normalised (a fuzzy placement needs 12 characters, more than these quotes).
          if (a.anchoring.method === "exact") expect(a.selector.exact).toBe(a.request.quote?.exact);
          else expect(a.anchoring.method === "normalised" && normaliseQuote(a.selector.exact)).toBe(normaliseQuote(a.request.quote!.exact));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a classifying value that names an Object property as no stance", () => {
    for (const value of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(readAnnotations({ type: "Annotation", body: [{ purpose: "classifying", value }] })[0].stance).toBeNull();
    }
  });

  it("reads a repetitive list within a second per megabyte of file, and anchors each annotation within a second per megabyte of text", () => {
    fc.assert(
      fc.property(ANNOTATION, fc.integer({ min: 1, max: 5000 }), WORD, fc.integer({ min: 1, max: MEGABYTE / 8 }), (annotation, count, unit, times) => {
        const document = { type: "AnnotationPage", items: Array.from({ length: count }, () => annotation) };
        const size = JSON.stringify(document).length;
        fc.pre(size <= MEGABYTE);
        const requests = withinBudget(size, () => readAnnotations(document));
        // The server anchors one at a time, yielding in between and stopping at a deadline: each call is the stall.
        const text = (unit || "a").repeat(times).slice(0, MEGABYTE);
        for (const request of requests.slice(0, 3)) withinBudget(text.length, () => anchorAnnotations(text, [request]));
      }),
      { numRuns: 15 },
    );
  });

  it("reads 5,000 annotations of one common quote with a long prefix on a megabyte of one letter, one at a time within budget", () => {
    const text = "a".repeat(MEGABYTE);
    const annotation = { type: "Annotation", target: { selector: [{ type: "TextQuoteSelector", exact: "a".repeat(100), prefix: `${"a".repeat(31)}b`, suffix: "a".repeat(32) }] } };
    const document = { type: "AnnotationPage", items: Array.from({ length: 5000 }, () => annotation) };
    const requests = readAnnotations(document);
    expect(requests).toHaveLength(5000);
    // The server anchors one annotation at a time and yields in between: each call is the stall.
    for (const request of requests.slice(0, 50)) {
      const [result] = withinBudget(text.length, () => anchorAnnotations(text, [request]));
      expect(result).toMatchObject({ reason: expect.stringContaining("occurs more than") });
    }
  });
});
