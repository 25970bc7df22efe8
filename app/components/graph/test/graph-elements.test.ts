import { describe, expect, it } from "vitest";
import { buildArgumentGraph } from "@/lib/domain/argument-graph";
import { EDGE_LOOK } from "@/lib/graph/edge-style";
import type { TLayoutResult } from "@/lib/graph/layout";
import { layoutInputOf } from "@/lib/graph/layout-input";
import { demoMapGraph } from "@/lib/graph/test/demo-map";
import { flowEdgesOf, flowNodesOf, type TGraphAuthor } from "../graph-elements";

describe("flow nodes and edges of the demo map", () => {
  const graph = demoMapGraph();
  const view = buildArgumentGraph(graph);
  const authors = new Map<string, TGraphAuthor>(graph.authors.map((a, i) => [a.id, { id: a.id, name: a.name, shortName: a.shortName, published: a.published, accent: `#00000${i}` }]));
  // Every node at the origin: placement is the layout's business, tested on its own.
  const input = layoutInputOf(view, 1.8);
  const layout: TLayoutResult = {
    positions: Object.fromEntries([...input.nodes, ...input.groups].map((n) => [n.id, { x: 0, y: 0 }])),
    groupSizes: Object.fromEntries(input.groups.map((g) => [g.id, { width: 100, height: 100 }])),
    width: 100,
    height: 100,
  };
  const nodes = flowNodesOf(view, layout, "sco-debate", authors);
  const edges = flowEdgesOf(view, authors);

  it("puts each author box before its passages, which sit inside it", () => {
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    for (const node of nodes) if (node.parentId) expect(index.get(node.parentId)!).toBeLessThan(index.get(node.id)!);
    expect(nodes.filter((n) => n.type === "author")).toHaveLength(5);
    expect(nodes.filter((n) => n.type === "excerpt").every((n) => n.parentId?.startsWith("author:"))).toBe(true);
  });

  it("links claims to their page and passages to their place in the source, and says what each is", () => {
    const claim = nodes.find((n) => n.type === "claim" && n.data.claim.claimId === "anti-nato-bloc")!;
    expect(claim.data.href).toBe("/w/sco-debate/claims/anti-nato-bloc");
    expect(claim.data.label).toMatch(/^Claim: The SCO is an anti-NATO bloc\. /);
    const excerpt = nodes.find((n) => n.type === "excerpt")!;
    if (excerpt.type !== "excerpt") throw new Error("not an excerpt");
    expect(excerpt.data.href).toBe(`/w/sco-debate/sources/${excerpt.data.excerpt.sourceId}#excerpt-${excerpt.data.excerpt.excerptId}`);
    expect(excerpt.data.label).toMatch(new RegExp(`^Excerpt by ${excerpt.data.author.shortName}, (supports|opposes|qualifies) `));
  });

  it("marks a reported view in the passage's label and draws its edge thinner", () => {
    const reported = view.edges.find((e) => e.kind === "evidence" && e.voice === "REPORTED")!;
    const own = view.edges.find((e) => e.kind === "evidence" && e.voice === "AUTHOR")!;
    const width = (id: string) => Number(edges.find((e) => e.id === id)!.style!.strokeWidth);
    expect(width(reported.id)).toBeLessThan(width(own.id));
    const node = nodes.find((n) => n.id === reported.source)!;
    expect(node.type === "excerpt" && node.data.label).toContain("a view reported, not held");
  });

  it("styles each edge by its stance and labels the links between claims", () => {
    for (const edge of edges) {
      const stance = (edge.data as { stance: keyof typeof EDGE_LOOK }).stance;
      expect(edge.style?.stroke).toBe(EDGE_LOOK[stance].colour);
      expect(edge.style?.strokeDasharray).toBe(EDGE_LOOK[stance].dash);
      expect(edge.ariaLabel).toBeTruthy();
    }
    expect(edges.filter((e) => e.label).map((e) => e.label).sort()).toEqual(["opposes", "opposes", "supports", "supports", "supports", "supports"]);
  });

  it("leaves out nodes the layout has not placed yet (they arrived with a live change)", () => {
    const partial = { ...layout, positions: { ...layout.positions } };
    delete partial.positions["claim:talk-shop"];
    expect(flowNodesOf(view, partial, "sco-debate", authors).some((n) => n.id === "claim:talk-shop")).toBe(false);
  });
});
