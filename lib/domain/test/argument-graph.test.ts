import { describe, expect, it } from "vitest";
import { buildArgumentGraph, outlineOf, scopeArgumentGraph, type TArgumentEdge, type TExcerptNode, type TGraphOutline } from "../argument-graph";
import type { TMapGraph } from "../map-graph";

/**
 * Two authors (Katz 2008 before Harding 2022, though Harding's source is listed first), three
 * claims, one passage of Katz's backing two claims, a REPORTED passage, a passage that backs
 * nothing, and two claim links.
 */
function fixture(): TMapGraph {
  const selector = (exact: string, start: number) => ({ exact, start, end: start + exact.length, prefix: "", suffix: "" });
  return {
    workspace: { slug: "test", title: "Test", description: "", visibility: "PUBLIC" },
    authors: [
      { id: "katz", name: "Mark N. Katz", shortName: "Katz", affiliation: null, published: "2008" },
      { id: "harding", name: "Harding", shortName: "Harding", affiliation: null, published: "2022-12-22" },
    ],
    sources: [
      { id: "s-harding", title: "H", authorId: "harding", publication: null, published: "2022-12-22", precision: "DAY", publishedNote: null, url: null },
      { id: "s-katz", title: "K", authorId: "katz", publication: null, published: "2008", precision: "YEAR", publishedNote: null, url: null },
    ],
    claims: [
      { id: "c1", text: "The SCO is an anti-NATO bloc.", tags: ["security"], rank: 1 },
      { id: "c2", text: "The SCO is a talk shop.", tags: ["effectiveness"], rank: 2 },
      { id: "c3", text: "The SCO serves an anti-Western order.", tags: ["security", "west"], rank: 3 },
    ],
    claimLinks: [
      { id: "l1", fromClaimId: "c3", toClaimId: "c1", relation: "SUPPORTS" },
      { id: "l2", fromClaimId: "c2", toClaimId: "c1", relation: "OPPOSES" },
    ],
    excerpts: [
      { id: "x-h1", sourceId: "s-harding", ...selector("Harding one", 10) },
      { id: "x-k-shared", sourceId: "s-katz", ...selector("Katz backs two claims", 5) },
      { id: "x-k2", sourceId: "s-katz", ...selector("Katz reports a view", 50) },
      { id: "x-unused", sourceId: "s-katz", ...selector("Katz highlighted, not linked", 90) },
    ],
    evidence: [
      { id: "e1", excerptId: "x-k-shared", claimId: "c3", stance: "SUPPORTS", voice: "AUTHOR", note: null },
      { id: "e2", excerptId: "x-k-shared", claimId: "c1", stance: "OPPOSES", voice: "AUTHOR", note: null },
      { id: "e3", excerptId: "x-k2", claimId: "c1", stance: "SUPPORTS", voice: "REPORTED", note: "critics" },
      { id: "e4", excerptId: "x-h1", claimId: "c2", stance: "QUALIFIES", voice: "AUTHOR", note: null },
    ],
    positions: [
      { claimId: "c1", authorId: "katz", stance: "OPPOSES", explicit: false, evidenceCount: 2, note: null },
      { claimId: "c3", authorId: "katz", stance: "SUPPORTS", explicit: false, evidenceCount: 1, note: null },
      { claimId: "c2", authorId: "harding", stance: "QUALIFIES", explicit: false, evidenceCount: 1, note: null },
      { claimId: "c2", authorId: "katz", stance: "SUPPORTS", explicit: true, evidenceCount: 0, note: "said in a talk" },
    ],
  };
}

const ofKind = <K extends TArgumentEdge["kind"]>(edges: TArgumentEdge[], kind: K) => edges.filter((e): e is Extract<TArgumentEdge, { kind: K }> => e.kind === kind);

describe("buildArgumentGraph, full detail", () => {
  const graph = buildArgumentGraph(fixture());

  it("draws one node per claim and one per excerpt that is evidence", () => {
    expect(graph.nodes.filter((n) => n.kind === "claim").map((n) => n.id)).toEqual(["claim:c1", "claim:c2", "claim:c3"]);
    const excerpts = graph.nodes.filter((n) => n.kind === "excerpt");
    expect(excerpts.map((n) => n.id).sort()).toEqual(["excerpt:x-h1", "excerpt:x-k-shared", "excerpt:x-k2"]);
    expect(graph.edges).toHaveLength(4 + 2);
  });

  it("keeps an excerpt that backs two claims as one node with an edge to each", () => {
    const shared = graph.nodes.find((n) => n.id === "excerpt:x-k-shared") as TExcerptNode;
    expect(shared.authorId).toBe("katz");
    // In claim order, whatever the evidence order.
    expect(shared.links).toEqual([
      { claimId: "c1", stance: "OPPOSES", voice: "AUTHOR" },
      { claimId: "c3", stance: "SUPPORTS", voice: "AUTHOR" },
    ]);
    expect(graph.edges.filter((e) => e.source === "excerpt:x-k-shared").map((e) => e.target).sort()).toEqual(["claim:c1", "claim:c3"]);
  });

  it("gives evidence edges their stance and voice, and link edges their relation, from excerpt to claim and claim to claim", () => {
    expect(ofKind(graph.edges, "evidence").map((e) => [e.source, e.target, e.stance, e.voice])).toEqual(
      expect.arrayContaining([
        ["excerpt:x-k2", "claim:c1", "SUPPORTS", "REPORTED"],
        ["excerpt:x-h1", "claim:c2", "QUALIFIES", "AUTHOR"],
      ]),
    );
    expect(ofKind(graph.edges, "link").map((e) => [e.source, e.target, e.relation])).toEqual([
      ["claim:c3", "claim:c1", "SUPPORTS"],
      ["claim:c2", "claim:c1", "OPPOSES"],
    ]);
    const ids = graph.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("groups evidence by author in the authors' date order, each group's nodes together after the claims", () => {
    expect(graph.groups.map((g) => [g.shortName, g.nodeIds])).toEqual([
      ["Katz", ["excerpt:x-k-shared", "excerpt:x-k2"]],
      ["Harding", ["excerpt:x-h1"]],
    ]);
    expect(graph.nodes.map((n) => n.id)).toEqual(["claim:c1", "claim:c2", "claim:c3", "excerpt:x-k-shared", "excerpt:x-k2", "excerpt:x-h1"]);
  });

  it("summarises each claim's positions over every author, silent ones included", () => {
    const c1 = graph.nodes.find((n) => n.id === "claim:c1");
    expect(c1?.kind === "claim" && c1.stances).toMatchObject({ OPPOSES: 1, SILENT: 1, SUPPORTS: 0 });
    const c2 = graph.nodes.find((n) => n.id === "claim:c2");
    // Katz's hand-set SUPPORTS counts although he has no evidence on it.
    expect(c2?.kind === "claim" && c2.stances).toMatchObject({ SUPPORTS: 1, QUALIFIES: 1, SILENT: 0 });
  });

  it("leaves out evidence and links of claims that are not in the graph", () => {
    const partial = fixture();
    partial.claims = partial.claims.filter((c) => c.id !== "c3");
    const built = buildArgumentGraph(partial);
    expect(built.edges.some((e) => e.target === "claim:c3" || e.source === "claim:c3")).toBe(false);
    expect((built.nodes.find((n) => n.id === "excerpt:x-k-shared") as TExcerptNode).links.map((l) => l.claimId)).toEqual(["c1"]);
  });
});

describe("buildArgumentGraph, lighter detail", () => {
  it("with 'authors', draws one counted node per author and claim with evidence, by the author's position", () => {
    const graph = buildArgumentGraph(fixture(), { detail: "authors" });
    expect(graph.nodes.filter((n) => n.kind === "excerpt")).toEqual([]);
    const positions = graph.nodes.filter((n) => n.kind === "position");
    // Katz's hand-set position on c2 has no evidence behind it: no node.
    expect(positions.map((n) => [n.authorId, n.claimId, n.stance, n.evidenceCount])).toEqual([
      ["katz", "c1", "OPPOSES", 2],
      ["katz", "c3", "SUPPORTS", 1],
      ["harding", "c2", "QUALIFIES", 1],
    ]);
    expect(ofKind(graph.edges, "position").map((e) => [e.source, e.target, e.stance])).toContainEqual(["position:katz:c1", "claim:c1", "OPPOSES"]);
    expect(ofKind(graph.edges, "link")).toHaveLength(2);
    expect(graph.groups.map((g) => g.nodeIds.length)).toEqual([2, 1]);
  });

  it("with 'claims', draws the claims and their links only", () => {
    const graph = buildArgumentGraph(fixture(), { detail: "claims" });
    expect(graph.nodes.map((n) => n.kind)).toEqual(["claim", "claim", "claim"]);
    expect(graph.edges.map((e) => e.kind)).toEqual(["link", "link"]);
    expect(graph.groups).toEqual([]);
  });
});

describe("an empty map", () => {
  it("has no nodes, edges or groups, and shows everything there is", () => {
    const empty: TMapGraph = { ...fixture(), claims: [], claimLinks: [], excerpts: [], evidence: [], positions: [] };
    expect(buildArgumentGraph(empty)).toEqual({ detail: "excerpts", nodes: [], groups: [], edges: [] });
    const scope = scopeArgumentGraph(outlineOf(empty));
    expect(scope).toMatchObject({ claimIds: [], whole: true, detail: "excerpts", totals: { claims: 0, evidence: 0 } });
  });
});

describe("scopeArgumentGraph", () => {
  /** n claims, each with `evidence` links from `authors` authors; claim i links to claim i+1. */
  const outline = (n: number, evidence: number, authors: number): TGraphOutline => ({
    claims: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: `Claim ${i}`, tags: i % 2 ? ["odd"] : [], rank: i, evidence, authors })),
    links: Array.from({ length: n - 1 }, (_, i) => ({ fromClaimId: `c${i}`, toClaimId: `c${i + 1}` })),
  });

  it("shows every excerpt while claims and evidence fit within the limit", () => {
    const scope = scopeArgumentGraph(outline(10, 9, 3), {}, 100);
    expect(scope).toMatchObject({ detail: "excerpts", whole: true, focusClaims: 10, focusEvidence: 90, totals: { claims: 10, evidence: 90 } });
    expect(scopeArgumentGraph(outline(10, 10, 3), {}, 100).detail).toBe("authors");
  });

  it("counts per author when excerpts would be too many, and falls back to the first claims alone", () => {
    expect(scopeArgumentGraph(outline(10, 50, 9), {}, 100).detail).toBe("authors");
    const claimsOnly = scopeArgumentGraph(outline(150, 50, 9), {}, 100);
    expect(claimsOnly).toMatchObject({ detail: "claims", whole: false, focusClaims: 150 });
    expect(claimsOnly.claimIds).toHaveLength(100);
    expect(claimsOnly.claimIds[0]).toBe("c0");
  });

  it("narrows to a claim and the claims linked to it, either way", () => {
    const scope = scopeArgumentGraph(outline(10, 1, 1), { claimId: "c4" });
    expect(scope.focus).toEqual({ kind: "claim", claimId: "c4", text: "Claim 4" });
    expect(scope.claimIds).toEqual(["c3", "c4", "c5"]);
    expect(scope.whole).toBe(false);
  });

  it("narrows to a tag, and says when a claim is not in the map", () => {
    expect(scopeArgumentGraph(outline(6, 1, 1), { tag: "odd" }).claimIds).toEqual(["c1", "c3", "c5"]);
    const missing = scopeArgumentGraph(outline(6, 1, 1), { claimId: "gone", tag: "odd" });
    expect(missing.focus).toEqual({ kind: "claim", claimId: "gone", text: null });
    expect(missing.claimIds).toEqual([]);
  });

  it("matches the map it outlines", () => {
    const o = outlineOf(fixture());
    expect(o.claims.map((c) => [c.id, c.evidence, c.authors])).toEqual([
      ["c1", 2, 1],
      ["c2", 1, 1],
      ["c3", 1, 1],
    ]);
  });
});
