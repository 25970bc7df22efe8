import { describe, expect, it } from "vitest";
import { buildArgumentGraph, type TArgumentGraph } from "@/lib/domain/argument-graph";
import { layoutBesideClaims } from "../cluster-layout";
import type { TLayoutResult } from "../layout";
import { layoutInputOf, NODE_SIZE } from "../layout-input";
import { demoMapGraph } from "./demo-map";
import { regularMapGraph } from "./regular-map";

type TRect = { id: string; x: number; y: number; width: number; height: number };

const rectangles = (view: TArgumentGraph, layout: TLayoutResult): TRect[] => view.nodes.map((n) => ({ id: n.id, ...layout.positions[n.id], ...NODE_SIZE[n.kind] }));

/** Pairs of overlapping rectangles, found by sweeping along x (the large maps have 6,000). */
function overlaps(rects: TRect[]): [string, string][] {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  const found: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (a.y < b.y + b.height && b.y < a.y + a.height) found.push([a.id, b.id]);
    }
  }
  return found;
}

describe("layoutBesideClaims on 1,000 claims × 5 passages (6,000 nodes)", () => {
  const view = buildArgumentGraph(regularMapGraph({ claims: 1000, quotes: 5, authors: 20, links: 200 }));
  const input = layoutInputOf(view, 1.8);
  const layout = layoutBesideClaims(input);
  const rects = rectangles(view, layout);

  it("places every node, inside the drawing", () => {
    expect(view.nodes).toHaveLength(6000);
    for (const r of rects) {
      expect(Number.isFinite(r.x) && Number.isFinite(r.y), r.id).toBe(true);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(layout.width + 0.001);
      expect(r.y + r.height).toBeLessThanOrEqual(layout.height + 0.001);
    }
    expect(layout.arrangement).toBe("beside-claims");
  });

  it("overlaps nothing: no passage with a claim or another passage", () => {
    expect(overlaps(rects)).toEqual([]);
  });

  it("puts each passage just left of the claim it backs, level with it", () => {
    const at = new Map(rects.map((r) => [r.id, r]));
    for (const edge of view.edges) {
      if (edge.kind !== "evidence") continue;
      const card = at.get(edge.source)!;
      const claim = at.get(edge.target)!;
      expect(card.x + card.width).toBeLessThanOrEqual(claim.x);
      expect(claim.x - (card.x + card.width)).toBeLessThan(NODE_SIZE.excerpt.width * 2 + 60);
      expect(Math.abs(card.y + card.height / 2 - (claim.y + claim.height / 2))).toBeLessThan(200);
    }
  });

  it("comes out close to the wanted shape instead of one tall column", () => {
    const aspect = layout.width / layout.height;
    expect(aspect).toBeGreaterThan(0.9);
    expect(aspect).toBeLessThan(3.6);
  });

  it("is deterministic: the same input gives the same layout", () => {
    expect(layoutBesideClaims(layoutInputOf(view, 1.8))).toEqual(layout);
  });

  it("puts a claim after the claims that support or oppose it, in reading order (column by column, top to bottom)", () => {
    const at = new Map(rects.map((r) => [r.id, r]));
    const readingOrder = (id: string) => [Math.round(at.get(id)!.x), at.get(id)!.y] as const;
    const before = (a: string, b: string) => {
      const [ax, ay] = readingOrder(a);
      const [bx, by] = readingOrder(b);
      return ax < bx || (ax === bx && ay < by);
    };
    // Links going back (closing a cycle) are the only exception; the generated map has none.
    for (const edge of view.edges) if (edge.kind === "link") expect(before(edge.source, edge.target), `${edge.source} → ${edge.target}`).toBe(true);
  });
});

describe("layoutBesideClaims, other shapes", () => {
  it("lays out the demo map and claims alone without overlaps", () => {
    for (const detail of ["excerpts", "authors", "claims"] as const) {
      const view = buildArgumentGraph(demoMapGraph(), { detail });
      const layout = layoutBesideClaims(layoutInputOf(view, 1.8));
      const rects = rectangles(view, layout);
      expect(rects.every((r) => r.x !== undefined), detail).toBe(true);
      expect(overlaps(rects), detail).toEqual([]);
    }
  });

  it("places a passage that backs two claims once, beside the first; and an empty graph", () => {
    const graph = regularMapGraph({ claims: 3, quotes: 1 });
    graph.evidence.push({ id: "extra", excerptId: graph.excerpts[0].id, claimId: graph.claims[2].id, stance: "OPPOSES", voice: "AUTHOR", note: null });
    const view = buildArgumentGraph(graph);
    const layout = layoutBesideClaims(layoutInputOf(view, 1.8));
    const card = layout.positions[`excerpt:${graph.excerpts[0].id}`];
    const first = layout.positions[`claim:${graph.claims[0].id}`];
    expect(card.x + NODE_SIZE.excerpt.width).toBeLessThanOrEqual(first.x);
    expect(overlaps(rectangles(view, layout))).toEqual([]);
    expect(layoutBesideClaims({ nodes: [], groups: [], edges: [], aspect: 1.8 })).toEqual({ positions: {}, groupSizes: {}, width: 0, height: 0, arrangement: "beside-claims" });
  });

  it("survives a cycle of claim links and a chain of thousands without overflowing the stack", () => {
    const graph = regularMapGraph({ claims: 5000, quotes: 0 });
    graph.claimLinks = graph.claims.map((c, i) => ({ id: `l${i}`, fromClaimId: c.id, toClaimId: graph.claims[(i + 1) % graph.claims.length].id, relation: "SUPPORTS" as const }));
    const view = buildArgumentGraph(graph);
    const layout = layoutBesideClaims(layoutInputOf(view, 1.8));
    expect(Object.keys(layout.positions)).toHaveLength(5000);
    expect(overlaps(rectangles(view, layout))).toEqual([]);
  });
});
