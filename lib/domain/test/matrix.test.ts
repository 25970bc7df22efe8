import { describe, expect, it } from "vitest";
import { buildMatrix, orderAuthors } from "../matrix";

describe("orderAuthors", () => {
  it("orders by earliest source, a year-only date before later months of that year, undated last", () => {
    const ordered = orderAuthors([
      { id: "d", name: "The Diplomat", shortName: "The Diplomat", published: ["2024-07"] },
      { id: "h", name: "Harding", shortName: "Harding", published: ["2022-12-22"] },
      { id: "u", name: "Undated", shortName: "Undated", published: [] },
      { id: "e", name: "ECFR", shortName: "ECFR", published: ["2022-09"] },
      { id: "k", name: "Katz", shortName: "Katz", published: ["2008"] },
      { id: "n", name: "Nurimbetov", shortName: "Nurimbetov", published: ["2021-04-29", "2019"] },
    ]);
    expect(ordered.map((a) => a.id)).toEqual(["k", "n", "e", "h", "d", "u"]);
    expect(ordered.find((a) => a.id === "n")?.published).toBe("2019");
  });
});

describe("buildMatrix", () => {
  const authors = [
    { id: "a1", name: "Alpha", shortName: "A", published: ["2020"] },
    { id: "a2", name: "Beta", shortName: "B", published: ["2010"] },
  ];
  const claims = [
    { id: "c2", text: "Second", tags: [], rank: 2 },
    { id: "c1", text: "First", tags: ["x"], rank: 1 },
  ];

  it("carries comment counts per claim and per cell when they were counted, and none otherwise", () => {
    const counted = buildMatrix({
      authors,
      claims,
      evidence: [],
      explicit: [],
      comments: [
        { claimId: "c1", authorId: null, count: 3 },
        { claimId: "c1", authorId: "a2", count: 2 },
        { claimId: "c2", authorId: "a1", count: 1 },
        { claimId: "gone", authorId: null, count: 9 },
      ],
    });
    expect(counted.claims.map((c) => [c.id, c.comments])).toEqual([
      ["c1", { claim: 3, byAuthor: { a2: 2 } }],
      ["c2", { claim: 0, byAuthor: { a1: 1 } }],
    ]);
    const uncounted = buildMatrix({ authors, claims, evidence: [], explicit: [] });
    expect(uncounted.claims.every((c) => c.comments === undefined)).toBe(true);
  });

  it("fills every cell, derives from evidence and lets explicit positions win", () => {
    const matrix = buildMatrix({
      authors,
      claims,
      evidence: [
        { claimId: "c1", authorId: "a1", stance: "SUPPORTS", voice: "AUTHOR" },
        { claimId: "c1", authorId: "a1", stance: "OPPOSES", voice: "REPORTED" },
        { claimId: "c2", authorId: "a2", stance: "OPPOSES", voice: "AUTHOR", count: 2 },
      ],
      explicit: [{ claimId: "c2", authorId: "a1", stance: "QUALIFIES", note: "by hand" }],
    });
    expect(matrix.authors.map((a) => a.id)).toEqual(["a2", "a1"]);
    expect(matrix.claims.map((c) => c.id)).toEqual(["c1", "c2"]);
    const [c1, c2] = matrix.claims;
    expect(c1.positions.a1).toMatchObject({ stance: "SUPPORTS", evidenceCount: 2, explicit: false });
    expect(c1.positions.a2).toMatchObject({ stance: "SILENT", evidenceCount: 0 });
    expect(c2.positions.a2).toMatchObject({ stance: "OPPOSES", evidenceCount: 2 });
    expect(c2.positions.a1).toMatchObject({ stance: "QUALIFIES", derived: "SILENT", explicit: true, note: "by hand" });
  });
});
