import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildArgumentGraph, type TArgumentGraph } from "@/lib/domain/argument-graph";
import { computeLayout, type TLayoutResult } from "../layout";
import { layoutInputOf, layoutKey, NODE_SIZE } from "../layout-input";
import { demoMapGraph } from "./demo-map";

type TRect = { id: string; x: number; y: number; width: number; height: number };

/** Every node's and box's rectangle on the canvas (members placed relative to their box). */
function rectangles(view: TArgumentGraph, layout: TLayoutResult): { boxes: TRect[]; nodes: TRect[] } {
  const boxes = view.groups.map((g) => ({ id: g.id, ...layout.positions[g.id], ...layout.groupSizes[g.id] }));
  const boxOf = new Map(view.groups.flatMap((g) => g.nodeIds.map((id) => [id, boxes.find((b) => b.id === g.id)!] as const)));
  const nodes = view.nodes.map((n) => {
    const at = layout.positions[n.id];
    const box = boxOf.get(n.id);
    return { id: n.id, x: at.x + (box?.x ?? 0), y: at.y + (box?.y ?? 0), ...NODE_SIZE[n.kind] };
  });
  return { boxes, nodes };
}

const overlap = (a: TRect, b: TRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: TRect, b: TRect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

describe("computeLayout on the demo map", async () => {
  const view = buildArgumentGraph(demoMapGraph());
  const layout = await computeLayout(new ELK(), layoutInputOf(view, 1.8));
  const { boxes, nodes } = rectangles(view, layout);
  const claims = nodes.filter((n) => n.id.startsWith("claim:"));

  it("stacks the author boxes in the authors' date order, top to bottom", () => {
    const tops = view.groups.map((g) => boxes.find((b) => b.id === g.id)!.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(view.groups.map((g) => g.shortName)).toEqual(["Katz", "Nurimbetov", "ECFR", "Harding", "The Diplomat"]);
  });

  it("places every node and author box", () => {
    expect(view.nodes.filter((n) => n.kind === "claim")).toHaveLength(14);
    for (const node of view.nodes) expect(layout.positions[node.id], node.id).toBeDefined();
    expect(boxes.map((b) => b.id)).toEqual(view.groups.map((g) => g.id));
  });

  it("overlaps nothing: no two nodes, no two boxes, no claim with a box", () => {
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) expect(overlap(nodes[i], nodes[j]), `${nodes[i].id} × ${nodes[j].id}`).toBe(false);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j])).toBe(false);
    for (const claim of claims) for (const box of boxes) expect(overlap(claim, box)).toBe(false);
  });

  it("keeps each author's passages inside the author's box", () => {
    for (const group of view.groups) {
      const box = boxes.find((b) => b.id === group.id)!;
      for (const id of group.nodeIds) expect(inside(nodes.find((n) => n.id === id)!, box), id).toBe(true);
    }
  });

  it("runs left to right: evidence boxes, then claims, each linked claim right of the claim that supports or opposes it", () => {
    const rightmostBox = Math.max(...boxes.map((b) => b.x + b.width));
    for (const claim of claims) expect(claim.x).toBeGreaterThan(rightmostBox);
    // A claim that no other claim supports or opposes stands in the first column of claims.
    const firstColumn = Math.min(...claims.map((c) => c.x));
    const targets = new Set(view.edges.filter((e) => e.kind === "link").map((e) => e.target));
    for (const claim of claims) if (!targets.has(claim.id)) expect(claim.x, claim.id).toBe(firstColumn);
    for (const edge of view.edges) {
      if (edge.kind !== "link") continue;
      const from = claims.find((c) => c.id === edge.source)!;
      const to = claims.find((c) => c.id === edge.target)!;
      expect(from.x + from.width).toBeLessThan(to.x);
    }
  });

  it("comes out close to the canvas's shape, so 'fit view' on a 1280 × 600 canvas shows it at a readable zoom", () => {
    const aspect = layout.width / layout.height;
    expect(aspect).toBeGreaterThan(1.2);
    expect(aspect).toBeLessThan(2.6);
    expect(Math.min(1280 / layout.width, 600 / layout.height)).toBeGreaterThan(0.5);
  });
});

describe("computeLayout, edge cases", () => {
  it("puts a claim without evidence or links with the other claims, not among the author boxes", async () => {
    const graph = demoMapGraph();
    graph.claims.push({ id: "lonely", text: "A claim nobody has addressed yet.", tags: [], rank: 99 });
    const view = buildArgumentGraph(graph);
    const layout = await computeLayout(new ELK(), layoutInputOf(view, 1.8));
    const { boxes, nodes } = rectangles(view, layout);
    const lonely = nodes.find((n) => n.id === "claim:lonely")!;
    expect(lonely.x).toBeGreaterThan(Math.max(...boxes.map((b) => b.x + b.width)));
    for (const other of nodes) if (other !== lonely) expect(overlap(lonely, other)).toBe(false);
  });

  it("lays out claims alone (the lightest detail) without overlaps, and an empty graph", async () => {
    const view = buildArgumentGraph(demoMapGraph(), { detail: "claims" });
    const layout = await computeLayout(new ELK(), layoutInputOf(view, 1.8));
    const { nodes } = rectangles(view, layout);
    expect(nodes).toHaveLength(14);
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) expect(overlap(nodes[i], nodes[j])).toBe(false);
    expect(await computeLayout(new ELK(), { nodes: [], groups: [], edges: [], aspect: 1.8 })).toEqual({ positions: {}, groupSizes: {}, width: 0, height: 0 });
  });
});

describe("layoutKey", () => {
  it("changes when a node or an edge comes or goes, not when wording does", () => {
    const graph = demoMapGraph();
    const key = layoutKey(layoutInputOf(buildArgumentGraph(graph), 1.8));
    const reworded = { ...graph, claims: graph.claims.map((c, i) => (i === 0 ? { ...c, text: "Reworded." } : c)) };
    expect(layoutKey(layoutInputOf(buildArgumentGraph(reworded), 1.8))).toBe(key);
    const fewer = { ...graph, evidence: graph.evidence.slice(1) };
    expect(layoutKey(layoutInputOf(buildArgumentGraph(fewer), 1.8))).not.toBe(key);
  });
});
