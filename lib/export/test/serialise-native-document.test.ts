import { describe, expect, it } from "vitest";
import { serialiseJsonWithLists, serialiseNativeDocument } from "../json/serialise-native-document";
import { ZNativeDocumentSchema, type TNativeDocument } from "../../schemas/native-document";

const doc: TNativeDocument = {
  schemaVersion: 1,
  generator: "Stancemap",
  exportedAt: "2026-11-26T10:00:00.000Z",
  workspace: { slug: "tiny", title: "A “quoted” title", description: "", visibility: "PUBLIC" },
  authors: [{ id: "a1", name: "Alpha", shortName: "A", affiliation: null }],
  sources: [{ id: "s1", authorId: "a1", title: "T", publication: null, published: "2022-09", publishedNote: null, url: null, text: "Line one.\nLine \"two\" — ü." }],
  claims: [{ id: "c1", text: "Claim", tags: ["x"] }],
  claimLinks: [],
  excerpts: [{ id: "x1", sourceId: "s1", start: 0, end: 9, exact: "Line one.", prefix: "", suffix: "\nLine \"two" }],
  evidence: [{ id: "e1", excerptId: "x1", claimId: "c1", stance: "SUPPORTS", voice: "AUTHOR", note: null }],
  positions: [],
};

describe("serialiseNativeDocument", () => {
  it("writes JSON that parses back to the same document, empty lists included", () => {
    const text = [...serialiseNativeDocument(doc)].join("");
    expect(JSON.parse(text)).toEqual(doc);
    expect(ZNativeDocumentSchema.parse(JSON.parse(text))).toEqual(doc);
    expect(text).toContain('"claimLinks": []');
  });

  it("streams a large list in bounded chunks", () => {
    const big = { ...doc, claims: Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, text: `Claim number ${i} with some words`, tags: [] })) };
    const chunks = [...serialiseNativeDocument(big)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect(JSON.parse(chunks.join("")).claims).toHaveLength(5000);
  });
});

describe("serialiseJsonWithLists", () => {
  it("streams an object of lists with no other fields (as AIF is) into JSON that parses back", () => {
    const lists = { nodes: [{ nodeID: "1", text: "a \"quoted\" claim" }], edges: [], locutions: [{ nodeID: "1" }] };
    expect(JSON.parse([...serialiseJsonWithLists({}, lists)].join(""))).toEqual(lists);
    expect(JSON.parse([...serialiseJsonWithLists({ version: 2 }, { items: [1, 2] })].join(""))).toEqual({ version: 2, items: [1, 2] });
  });
});
