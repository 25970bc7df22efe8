import { describe, expect, it } from "vitest";
import { indexMapGraph, positionsFromMatrix, type TMapGraph } from "../map-graph";
import { buildMatrix } from "../matrix";

describe("positionsFromMatrix", () => {
  it("keeps the cells with evidence or set by hand, in matrix order, and drops silent empty ones", () => {
    const matrix = buildMatrix({
      authors: [
        { id: "late", name: "Late", shortName: "L", published: ["2020"] },
        { id: "early", name: "Early", shortName: "E", published: ["2001"] },
      ],
      claims: [
        { id: "c2", text: "Two", tags: [], rank: 2 },
        { id: "c1", text: "One", tags: [], rank: 1 },
      ],
      evidence: [
        { claimId: "c1", authorId: "late", stance: "SUPPORTS", voice: "AUTHOR" },
        { claimId: "c1", authorId: "early", stance: "OPPOSES", voice: "REPORTED", count: 2 },
      ],
      explicit: [{ claimId: "c2", authorId: "early", stance: "MIXED", note: "on balance" }],
    });
    expect(positionsFromMatrix(matrix)).toEqual([
      // REPORTED-only evidence: counted, but the author stays silent.
      { claimId: "c1", authorId: "early", stance: "SILENT", explicit: false, evidenceCount: 2, note: null },
      { claimId: "c1", authorId: "late", stance: "SUPPORTS", explicit: false, evidenceCount: 1, note: null },
      { claimId: "c2", authorId: "early", stance: "MIXED", explicit: true, evidenceCount: 0, note: "on balance" },
    ]);
  });
});

describe("indexMapGraph", () => {
  it("finds each excerpt's author through its source and groups evidence by excerpt and by claim", () => {
    const graph: TMapGraph = {
      workspace: { slug: "w", title: "W", description: "", visibility: "PRIVATE" },
      authors: [{ id: "a", name: "A", shortName: "A", affiliation: null, published: "2020" }],
      sources: [{ id: "s", title: "S", authorId: "a", publication: null, published: "2020", precision: "YEAR", publishedNote: null, url: null }],
      claims: [
        { id: "c1", text: "One", tags: [], rank: 1 },
        { id: "c2", text: "Two", tags: [], rank: 2 },
      ],
      claimLinks: [],
      excerpts: [{ id: "x", sourceId: "s", start: 0, end: 3, exact: "abc", prefix: "", suffix: "" }],
      evidence: [
        { id: "e1", excerptId: "x", claimId: "c1", stance: "SUPPORTS", voice: "AUTHOR", note: null },
        { id: "e2", excerptId: "x", claimId: "c2", stance: "OPPOSES", voice: "AUTHOR", note: null },
      ],
      positions: [],
    };
    const index = indexMapGraph(graph);
    expect(index.excerptAuthor.get("x")).toBe("a");
    expect(index.evidenceByExcerpt.get("x")?.map((e) => e.id)).toEqual(["e1", "e2"]);
    expect(index.evidenceByClaim.get("c2")?.map((e) => e.id)).toEqual(["e2"]);
    expect(index.claims.get("c1")?.text).toBe("One");
  });
});
