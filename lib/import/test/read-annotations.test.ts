import { describe, expect, it } from "vitest";
import { anchorAnnotations, readAnnotations } from "../annotations/read-annotations";

const TEXT = "The SCO meets. The SCO talks. The SCO acts rarely.";
const quote = (exact: string, extra: Record<string, unknown> = {}) => ({ type: "TextQuoteSelector", exact, ...extra });

describe("readAnnotations", () => {
  it("reads collections, pages, lists and single annotations, with claim and stance from Stancemap bodies", () => {
    const annotation = {
      type: "Annotation",
      target: [{ source: "x", selector: { type: "RangeSelector", refinedBy: quote("talks") } }],
      body: [
        { id: "https://a.example/w/s/claims/0b7e6b1e-5b8a-4c4f-9f43-1f2a3b4c5d6e", type: "TextualBody", purpose: "linking", value: "c" },
        { type: "TextualBody", purpose: "classifying", value: "Opposes" },
        { type: "TextualBody", purpose: "tagging", value: "reported" },
      ],
    };
    const [read] = readAnnotations({ type: "AnnotationCollection", first: { items: [annotation] } });
    expect(read).toEqual({ index: 0, quote: { exact: "talks" }, position: null, claimId: "0b7e6b1e-5b8a-4c4f-9f43-1f2a3b4c5d6e", stance: "OPPOSES", reported: true, note: null });
    expect(readAnnotations({ type: "AnnotationPage", items: [annotation, annotation] })).toHaveLength(2);
    expect(readAnnotations([annotation])).toHaveLength(1);
    expect(readAnnotations(annotation)[0].quote).toEqual({ exact: "talks" });
  });
});

describe("anchorAnnotations", () => {
  const request = (selector: unknown[]) => readAnnotations({ type: "Annotation", target: { source: "x", selector } })[0];

  it("places a unique quote, uses prefix/suffix and then the position for a repeated one", () => {
    const [unique, byContext, byPosition] = anchorAnnotations(TEXT, [
      request([quote("acts rarely")]),
      request([quote("The SCO", { prefix: "meets. " })]),
      request([quote("The SCO"), { type: "TextPositionSelector", start: 30, end: 37 }]),
    ]);
    expect(unique).toMatchObject({ selector: { start: 38, end: 49, exact: "acts rarely" } });
    expect(byContext).toMatchObject({ selector: { start: 15, end: 22 } });
    expect(byPosition).toMatchObject({ selector: { start: 30, end: 37 } });
  });

  it("keeps a unique quote whose context changed, and reports what cannot be placed", () => {
    const results = anchorAnnotations(TEXT, [
      request([quote("talks", { prefix: "an edited prefix " })]),
      request([quote("The SCO")]),
      request([quote("not here")]),
      request([{ type: "TextPositionSelector", start: 0, end: 3 }]),
    ]);
    expect(results[0]).toMatchObject({ selector: { start: 23, end: 28 } });
    expect(results.slice(1)).toEqual([
      { index: 0, reason: "the quote occurs 3 times and its prefix, suffix and position do not say which", exact: "The SCO" },
      { index: 0, reason: "the quote is not in this source's text, not even approximately", exact: "not here" },
      { index: 0, reason: "no TextQuoteSelector with an exact quote", exact: null },
    ]);
  });

  it("holds imported quotes and notes to the app's own limits", () => {
    const withNote = readAnnotations({ type: "Annotation", body: [{ purpose: "commenting", value: "n".repeat(5001) }], target: { source: "x", selector: [quote("acts rarely")] } })[0];
    const long = request([quote("q".repeat(20_001))]);
    const [noted, quoted] = anchorAnnotations(TEXT, [withNote, long]);
    expect(noted).toEqual({ index: 0, reason: "its note is longer than 5,000 characters", exact: "acts rarely" });
    expect(quoted).toMatchObject({ reason: "its quote is longer than 20,000 characters" });
  });
});
