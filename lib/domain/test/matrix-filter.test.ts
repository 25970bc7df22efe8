import { describe, expect, it } from "vitest";
import { buildMatrix } from "../matrix";
import { filterMatrix, isFiltering } from "../matrix-filter";
import { silentGaps } from "../gaps";
import type { TStance } from "../types";

const authors = [
  { id: "k", name: "Katz", shortName: "Katz", published: ["2008"] },
  { id: "n", name: "Nurimbetov", shortName: "Nurimbetov", published: ["2021-04-29"] },
  { id: "d", name: "The Diplomat", shortName: "Diplomat", published: ["2024-07"] },
];
const claims = [
  { id: "c1", text: "Bloc", tags: ["security"], rank: 1 },
  { id: "c2", text: "Talk shop", tags: ["institutions"], rank: 2 },
  { id: "c3", text: "Economy", tags: ["economy", "security"], rank: 3 },
  { id: "c4", text: "Nobody speaks", tags: [], rank: 4 },
];
const ev = (claimId: string, authorId: string, stance: TStance) => ({ claimId, authorId, stance, voice: "AUTHOR" as const });

// c1: k supports, n opposes, d opposes → split (1 vs 2). c2: k supports, n supports → one-sided.
// c3: k supports, n opposes → split, evenly. c4: all silent.
const matrix = buildMatrix({
  authors,
  claims,
  evidence: [ev("c1", "k", "SUPPORTS"), ev("c1", "n", "OPPOSES"), ev("c1", "d", "OPPOSES"), ev("c2", "k", "SUPPORTS"), ev("c2", "n", "SUPPORTS"), ev("c3", "k", "SUPPORTS"), ev("c3", "n", "OPPOSES")],
  explicit: [],
});
const ids = (filter: Parameters<typeof filterMatrix>[1]) => filterMatrix(matrix, filter).claims.map((c) => c.id);

describe("buildMatrix controversy", () => {
  it("scores each row from its positions", () => {
    expect(matrix.claims.map((c) => [c.id, c.controversy.split, c.controversy.score])).toEqual([
      ["c1", true, 2 / 3],
      ["c2", false, 0],
      ["c3", true, 1],
      ["c4", false, 0],
    ]);
  });
});

describe("filterMatrix", () => {
  it("keeps every row in map order without a filter", () => {
    expect(ids({})).toEqual(["c1", "c2", "c3", "c4"]);
    expect(isFiltering({})).toBe(false);
    expect(isFiltering({ sort: "order" })).toBe(false);
    expect(isFiltering({ sort: "controversy" })).toBe(true);
  });

  it("filters by tag", () => {
    expect(ids({ tag: "security" })).toEqual(["c1", "c3"]);
    expect(ids({ tag: "none-such" })).toEqual([]);
  });

  it("filters by author: alone means the author speaks, with a stance means that stance", () => {
    expect(ids({ authorId: "d" })).toEqual(["c1"]);
    expect(ids({ authorId: "n", stance: "OPPOSES" })).toEqual(["c1", "c3"]);
    expect(ids({ authorId: "k", stance: "SILENT" })).toEqual(["c4"]);
    expect(ids({ authorId: "unknown" })).toEqual([]);
  });

  it("filters by a stance any author holds", () => {
    expect(ids({ stance: "SUPPORTS" })).toEqual(["c1", "c2", "c3"]);
    expect(ids({ stance: "MIXED" })).toEqual([]);
  });

  it("filters split and one-sided claims; a claim nobody speaks on is neither", () => {
    expect(ids({ controversy: "split" })).toEqual(["c1", "c3"]);
    expect(ids({ controversy: "one-sided" })).toEqual(["c2"]);
  });

  it("sorts by controversy, most evenly split first, ties by speakers then map order", () => {
    expect(ids({ sort: "controversy" })).toEqual(["c3", "c1", "c2", "c4"]);
    expect(ids({ sort: "controversy", tag: "security" })).toEqual(["c3", "c1"]);
  });

  it("combines filters with and", () => {
    expect(ids({ tag: "security", controversy: "split", authorId: "d" })).toEqual(["c1"]);
  });
});

describe("silentGaps", () => {
  it("lists, per claim, the authors who say nothing, in column order", () => {
    expect(silentGaps(matrix)).toEqual([
      { claimId: "c2", claimText: "Talk shop", authorIds: ["d"] },
      { claimId: "c3", claimText: "Economy", authorIds: ["d"] },
      { claimId: "c4", claimText: "Nobody speaks", authorIds: ["k", "n", "d"] },
    ]);
  });

  it("lists nothing when every author speaks on every claim", () => {
    const full = buildMatrix({ authors: authors.slice(0, 1), claims: claims.slice(0, 1), evidence: [ev("c1", "k", "QUALIFIES")], explicit: [] });
    expect(silentGaps(full)).toEqual([]);
  });
});
