import { Resvg } from "@resvg/resvg-js";
import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { buildArgumentGraph, outlineOf, scopeArgumentGraph, type TGraphSelection } from "../../domain/argument-graph";
import type { TMapGraph } from "../../domain/map-graph";
import { EDGE_LOOK, EDGE_WIDTH } from "../../graph/edge-style";
import { computeLayout } from "../../graph/layout";
import { layoutInputOf, NODE_SIZE, WIDE_ASPECT } from "../../graph/layout-input";
import { layoutBesideClaims } from "../../graph/cluster-layout";
import { demoMapGraph } from "../../graph/test/demo-map";
import { regularMapGraph } from "../../graph/test/regular-map";
import { graphToSvg } from "../svg/graph-svg";
import { accentAt } from "../svg/palette";
import { xml } from "../svg/svg-text";
import { fixtureGraph } from "./fixture";

/**
 * The picture of `graph` as the export draws it: scoped as the graph page would (the server reads
 * only the scope's claims, with their evidence and links), laid out by ELK.
 */
async function picture(graph: TMapGraph, selection: TGraphSelection = {}, limit?: number) {
  const scope = scopeArgumentGraph(outlineOf(graph), selection, limit);
  const ids = new Set(scope.claimIds);
  const read: TMapGraph = {
    ...graph,
    claims: graph.claims.filter((c) => ids.has(c.id)),
    claimLinks: graph.claimLinks.filter((l) => ids.has(l.fromClaimId) && ids.has(l.toClaimId)),
    evidence: graph.evidence.filter((e) => ids.has(e.claimId)),
    positions: graph.positions.filter((p) => ids.has(p.claimId)),
  };
  const view = buildArgumentGraph(read, { detail: scope.detail });
  const layout = await computeLayout(new ELK(), layoutInputOf(view, WIDE_ASPECT));
  return { view, layout, svg: graphToSvg({ title: graph.workspace.title, view, scope, layout, authors: graph.authors, generatedOn: "2026-03-01" }) };
}

/** Throws unless `svg` is well-formed XML and valid SVG: resvg's parser (roxmltree) is strict. */
function rendered(svg: string): { width: number; height: number } {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height };
}

const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

/** Every `<tag …>` opening of the SVG with its attributes. */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map((m) => Object.fromEntries([...m[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

describe("graphToSvg on a small map", async () => {
  const graph = fixtureGraph();
  graph.workspace.title = "Bloc <or> talk & shop";
  graph.claims[2].text = `Nobody argued <script>alert("x")</script> & 'that' yet.`;
  const { view, svg } = await picture(graph);

  it("is well-formed SVG that renders", () => {
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const size = rendered(svg);
    expect(size.width).toBeGreaterThanOrEqual(760);
    expect(size.height).toBeGreaterThan(300);
  });

  it("draws a card per claim and per cited passage, and an edge with an arrowhead per evidence link and claim link", () => {
    expect(count(svg, /<g class="claim"/g)).toBe(graph.claims.length);
    // x4 backs no claim: not drawn.
    expect(count(svg, /<g class="excerpt"/g)).toBe(new Set(graph.evidence.map((e) => e.excerptId)).size);
    expect(count(svg, /<path class="edge"/g)).toBe(graph.evidence.length + graph.claimLinks.length);
    expect(count(svg, /<path class="arrowhead"/g)).toBe(graph.evidence.length + graph.claimLinks.length);
    expect(count(svg, /<g class="author"/g)).toBe(view.groups.length);
    expect(svg).toContain(">opposes</text>");
  });

  it("draws support and attack in their colours and line patterns, a reported view thin", () => {
    const edges = elements(svg, "path").filter((p) => p.class === "edge");
    const evidence = edges.filter((e) => e["data-kind"] === "evidence");
    const supports = evidence.filter((e) => e["data-stance"] === "SUPPORTS");
    const opposes = evidence.filter((e) => e["data-stance"] === "OPPOSES");
    expect(supports.length).toBeGreaterThan(0);
    expect(opposes.length).toBeGreaterThan(0);
    for (const e of supports) expect([e.stroke, e["stroke-dasharray"]]).toEqual([EDGE_LOOK.SUPPORTS.colour, undefined]);
    for (const e of opposes) expect([e.stroke, e["stroke-dasharray"]]).toEqual([EDGE_LOOK.OPPOSES.colour, EDGE_LOOK.OPPOSES.dash]);
    expect(EDGE_LOOK.SUPPORTS.colour).toBe("#009e73");
    expect(EDGE_LOOK.OPPOSES.colour).toBe("#d55e00");
    // e3: ECFR reports a supporting view.
    const reported = supports.filter((e) => e["stroke-width"] === String(EDGE_WIDTH.reported));
    expect(reported).toHaveLength(1);
    expect(reported[0]["stroke-opacity"]).toBe("0.8");
    const link = edges.find((e) => e["data-kind"] === "link")!;
    expect([link.stroke, link["stroke-width"], link["stroke-dasharray"]]).toEqual([EDGE_LOOK.OPPOSES.colour, String(EDGE_WIDTH.link), EDGE_LOOK.OPPOSES.dash]);
  });

  it("escapes every text: a claim with markup, ampersands and quotes appears as text", () => {
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const card = new RegExp(`<g class="claim" data-claim-id="c3"[^>]*>(.*?)</g>`).exec(svg)![1];
    const lines = [...card.matchAll(/<text[^>]*font-size="16"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(lines.join(" ")).toBe("Nobody argued &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;that&apos; yet.");
    expect(svg).not.toContain("<script");
    expect(svg).toContain(xml("Bloc <or> talk & shop"));
    expect(svg).not.toContain("<or>");
  });

  it("shows the texts as the page does: claims, quotes in quotation marks, author short names in their accents", () => {
    expect(svg).toContain(">The SCO is an anti-NATO bloc.</text>");
    // x2's quote is "=SUM(A1) is not a claim. N", wrapped in quotation marks over two lines.
    expect(svg).toMatch(/>“=SUM\(A1\) is not a claim\. N”<\/text>|>“=SUM\(A1\) is not a claim\.<\/text>[^]*?>N”<\/text>/);
    const dots = elements(svg, "circle").map((c) => c.fill);
    expect(dots).toContain(accentAt(0));
    expect(dots).toContain(accentAt(1));
    // The author's name heads their box, cut with "…" where the box is narrow (as on the page), with their date and count.
    expect(svg).toMatch(/<g class="author-heading" data-author-id="a-k"[^>]*>.*?>Mark[^<]*<\/text>.*?>2008<\/text>.*?>1 passage<\/text><\/g>/);
    expect(svg).toContain(">Katz</text>");
    expect(svg).toContain("Argument graph · Showing the whole map: 3 claims, 3 passages from 2 authors, 1 link between claims. · 2026-03-01");
    expect(svg).toContain(">How to read the graph</text>");
    expect(svg).toContain("dashed line — opposes (attacks) the claim");
  });

  it("marks what each passage does for the claims it backs, a reported view dashed", () => {
    const marks = elements(svg, "circle").filter((c) => c["data-stance"]);
    expect(marks.map((m) => `${m["data-stance"]}/${m["data-voice"]}`).sort()).toEqual(graph.evidence.map((e) => `${e.stance}/${e.voice}`).sort());
    expect(marks.find((m) => m["data-voice"] === "REPORTED")!["stroke-dasharray"]).toBeDefined();
  });
});

describe("graphToSvg on the demo map", async () => {
  const graph = demoMapGraph();
  const { view, layout, svg } = await picture(graph);

  it("has as many claim cards as claims and as many edges as evidence links plus claim links", () => {
    rendered(svg);
    expect(count(svg, /<g class="claim"/g)).toBe(graph.claims.length);
    expect(count(svg, /<path class="edge"/g)).toBe(graph.evidence.length + graph.claimLinks.length);
    expect(count(svg, /<g class="excerpt"/g)).toBe(view.nodes.filter((n) => n.kind === "excerpt").length);
  });

  it("heads each author's box with the full name, date and number of passages", () => {
    expect(svg).toMatch(/>Rakhmatulla Nurimbetov<\/text><text[^>]*>29 Apr 2021<\/text><text[^>]*>17 passages<\/text>/);
  });

  it("clamps a claim to three lines and a quote to two, within their cards", () => {
    const claimLines = [...svg.matchAll(/<g class="claim"[^>]*>(.*?)<\/g>/g)].map((m) => count(m[1], /font-size="16"/g));
    expect(Math.max(...claimLines)).toBeLessThanOrEqual(3);
    expect(Math.min(...claimLines)).toBeGreaterThanOrEqual(1);
    const quoteLines = [...svg.matchAll(/<g class="excerpt"[^>]*>(.*?)<\/g>/g)].map((m) => count(m[1], /font-family="Georgia/g));
    expect(Math.max(...quoteLines)).toBe(2);
    // A long quote is cut with an ellipsis.
    expect(svg).toMatch(/…<\/text>/);
  });

  it("places every card inside the picture", () => {
    const root = elements(svg, "svg")[0];
    const width = Number(root.width);
    const height = Number(root.height);
    expect(width).toBeGreaterThanOrEqual(layout.width);
    for (const g of elements(svg, "g").filter((g) => g.class === "claim" || g.class === "excerpt")) {
      const [x, y] = /translate\(([\d.]+),([\d.]+)\)/.exec(g.transform)!.slice(1).map(Number);
      const size = g.class === "claim" ? NODE_SIZE.claim : NODE_SIZE.excerpt;
      expect(x + size.width).toBeLessThanOrEqual(width);
      expect(y + size.height).toBeLessThanOrEqual(height);
    }
  });

  it("draws a claim's neighbourhood only, when focused on it", async () => {
    const focused = await picture(graph, { claimId: "anti-nato-bloc" });
    rendered(focused.svg);
    const claims = count(focused.svg, /<g class="claim"/g);
    expect(claims).toBeGreaterThan(1);
    expect(claims).toBeLessThan(graph.claims.length);
    expect(focused.svg).toContain("Showing “The SCO is an anti-NATO bloc.” and the claims linked to it:");
  });

  it("draws less detail beyond the node limit, and says so", async () => {
    // Room for each claim and one node per author with evidence on it, not for every passage.
    const outline = outlineOf(graph);
    const limit = outline.claims.length + outline.claims.reduce((sum, c) => sum + c.authors, 0);
    const counted = await picture(graph, {}, limit);
    rendered(counted.svg);
    expect(counted.view.detail).toBe("authors");
    expect(count(counted.svg, /<g class="position"/g)).toBe(counted.view.nodes.filter((n) => n.kind === "position").length);
    expect(count(counted.svg, /<g class="excerpt"/g)).toBe(0);
    expect(counted.svg).toContain(`are more than the graph can draw one passage at a time (it draws up to ${limit} nodes). Each author’s passages on a claim are drawn as one node with their count.`);
    const claimsOnly = await picture(graph, {}, 10);
    rendered(claimsOnly.svg);
    expect(claimsOnly.view.detail).toBe("claims");
    expect(count(claimsOnly.svg, /<g class="claim"/g)).toBe(10);
    expect(count(claimsOnly.svg, /<g class="author"/g)).toBe(0);
  });
});

describe("graphToSvg of a map without claims", () => {
  it("says there is nothing yet, in a well-formed picture", async () => {
    const graph = fixtureGraph();
    graph.claims = [];
    graph.claimLinks = [];
    graph.evidence = [];
    graph.positions = [];
    const { svg } = await picture(graph);
    rendered(svg);
    expect(svg).toContain("No claims yet");
    expect(count(svg, /<g class="claim"/g)).toBe(0);
  });
});

describe("graphToSvg of a large map, every passage beside its claim", () => {
  const graph = regularMapGraph({ claims: 1000, quotes: 5, authors: 20, links: 200 });
  const scope = scopeArgumentGraph(outlineOf(graph), {}, 6000);
  const view = buildArgumentGraph(graph, { detail: scope.detail });
  const layout = layoutBesideClaims(layoutInputOf(view, WIDE_ASPECT));
  const svg = graphToSvg({ title: graph.workspace.title, view, scope, layout, authors: graph.authors });

  it("draws a card for every claim and passage, an edge for every link, no author boxes, and says what it drew", () => {
    expect(scope.detail).toBe("excerpts");
    expect(count(svg, /<g class="claim"/g)).toBe(1000);
    expect(count(svg, /<g class="excerpt"/g)).toBe(5000);
    expect(count(svg, /<path class="edge"/g)).toBe(5200);
    expect(count(svg, /<g class="author"/g)).toBe(0);
    expect(svg).toContain("6,000 nodes drawn: 1,000 claims and 5,000 passages.");
    expect(svg).toContain("Each passage stands beside the claim it backs");
    const size = elements(svg, "svg")[0];
    for (const card of elements(svg, "g").filter((g) => g.class === "excerpt" || g.class === "claim")) {
      const [x, y] = /translate\(([\d.]+),([\d.]+)\)/.exec(card.transform)!.slice(1).map(Number);
      expect(x + NODE_SIZE.claim.width).toBeLessThanOrEqual(Number(size.width) + NODE_SIZE.claim.width);
      expect(y).toBeLessThanOrEqual(Number(size.height));
    }
  });

  it("draws the cards' words as lines when asked (for a raster), keeping titles and legend as text, and renders", () => {
    const lines = graphToSvg({ title: graph.workspace.title, view, scope, layout, authors: graph.authors, wordsAsLines: true });
    expect(count(lines, /<g class="excerpt"/g)).toBe(5000);
    expect(lines).not.toContain("Passage 1:");
    expect(svg).toContain("Passage 1:");
    expect(lines).toContain("the SVG export has them");
    expect(lines).toContain("How to read the graph");
    const image = new Resvg(lines, { fitTo: { mode: "zoom", value: 0.1 }, font: { loadSystemFonts: false } }).render();
    expect(image.width).toBe(Math.round(Number(elements(lines, "svg")[0].width) * 0.1));
  }, 30_000);
});
