import { describe, expect, it } from "vitest";
import { checkNativeDocument } from "../native/check-native-document";
import { placeNativeExcerpts } from "../native/place-native-excerpts";
import type { TNativeDocument } from "../../schemas/native-document";

const TEXT = "Preface.\n\nThe SCO’s members call it a “family”; critics call it a talk shop. It is also a forum.";

function doc(excerpts: TNativeDocument["excerpts"]): TNativeDocument {
  return {
    schemaVersion: 1,
    workspace: { slug: "ws", title: "W", description: "", visibility: "PRIVATE" },
    authors: [{ id: "a", name: "Alpha", shortName: "A", affiliation: null }],
    sources: [{ id: "s", authorId: "a", title: "T", publication: null, published: "2020", publishedNote: null, url: null, text: TEXT }],
    claims: [],
    claimLinks: [],
    excerpts,
    evidence: [],
    positions: [],
  };
}

describe("placeNativeExcerpts", () => {
  it("keeps excerpts that match their offsets, untouched", () => {
    const start = TEXT.indexOf("It is");
    const given = doc([{ id: "x", sourceId: "s", start, end: start + 5, exact: "It is", prefix: "", suffix: "" }]);
    const { doc: placed, anchoring } = placeNativeExcerpts(given);
    expect(placed).toBe(given);
    expect(anchoring.size).toBe(0);
  });

  it("places a quote from another rendering of the text by its words, as the source's own characters", () => {
    const quote = `The SCO's members call it a "family"; critics call it a talk shop.`;
    const given = doc([{ id: "x", sourceId: "s", start: 0, end: quote.length, exact: quote, prefix: "", suffix: "" }]);
    const { doc: placed, anchoring } = placeNativeExcerpts(given);
    const start = TEXT.indexOf("The SCO");
    expect(placed.excerpts[0]).toMatchObject({ start, end: start + quote.length, exact: TEXT.slice(start, start + quote.length) });
    expect(anchoring.get("x")).toEqual({ method: "normalised", score: 1 });
    expect(checkNativeDocument(placed)).toEqual([]);
  });

  it("leaves an orphan as it is, even when its quote could be found in the text", () => {
    const quote = "critics call it a talk shop";
    const given = doc([{ id: "o", sourceId: "s", start: 200, end: 227, exact: quote, prefix: "", suffix: "", orphaned: { reason: "the quote is no longer in the text" } }]);
    const { doc: placed, anchoring } = placeNativeExcerpts(given);
    expect(placed).toBe(given);
    expect(anchoring.size).toBe(0);
  });

  it("places a quote with a typo approximately, and leaves one that is not there for the check to report", () => {
    const given = doc([
      { id: "x", sourceId: "s", start: 3, end: 40, exact: "critics call it a tolk shop", prefix: "", suffix: "" },
      { id: "y", sourceId: "s", start: 3, end: 40, exact: "The SCO is a military alliance", prefix: "", suffix: "" },
    ]);
    const { doc: placed, anchoring } = placeNativeExcerpts(given);
    expect(placed.excerpts[0].exact).toBe("critics call it a talk shop");
    expect(anchoring.get("x")).toMatchObject({ method: "fuzzy" });
    expect(checkNativeDocument(placed).map((i) => i.path)).toEqual(["excerpts.1.exact"]);
  });
});
