/**
 * The argument graph picture of large maps: every claim and passage up to 6,000 nodes (the page
 * folds well before that), beyond it folded — and in every case the picture and its headers say
 * what was drawn. The drawing leaves the request thread free while it works.
 */
import { Resvg } from "@resvg/resvg-js";
import { beforeAll, describe, expect, it } from "vitest";
import { generateLargeWorkspace } from "@/bench/generate-large";
import { probeStall } from "@/lib/testing/stall-probe";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";

/** 1,000 claims × 5 quotes = 6,000 nodes, the most the picture draws one by one. */
const FULL = { slug: "graph-picture-6000", shape: { authors: 10, sourcesPerAuthor: 1, sourceChars: 20_000, claims: 1000, excerpts: 5000, evidence: 5000, claimLinks: 100 } };
/** One passage more than fits. */
const OVER = { slug: "graph-picture-6001", shape: { ...FULL.shape, excerpts: 5001, evidence: 5001 } };

function get(slug: string, query: string) {
  return exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${slug}/export?${query}`), { params: Promise.resolve({ slug }) });
}

const cards = (svg: string, kind: string) => svg.match(new RegExp(`<g class="${kind}"`, "g"))?.length ?? 0;

beforeAll(async () => {
  for (const map of [FULL, OVER]) await generateLargeWorkspace(process.env.DATABASE_URL!, { slug: map.slug, seed: 3, shape: map.shape, evenEvidence: true });
  // The first request of a process sets up what every later one reuses (the auth library, the ORM's
  // query compiler): 150–260 ms at once, which is start-up, not drawing. A small picture first.
  expect((await get("sco-debate", "format=svg&view=graph")).status).toBe(200);
}, 120_000);

describe("the graph picture of a map of 6,000 nodes", () => {
  it("svg: draws every claim and every passage, and says so in the picture and in its headers, without holding the request thread", async () => {
    const { result: response, maxBlockMs } = await probeStall(() => get(FULL.slug, "format=svg&view=graph"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-stancemap-drawn")).toBe("6000 nodes (1000 claims, 5000 passages)");
    expect(response.headers.get("x-stancemap-detail")).toBe("excerpts");
    const svg = await response.text();
    expect(cards(svg, "claim")).toBe(1000);
    expect(cards(svg, "excerpt")).toBe(5000);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(5000 + 100);
    expect(svg).toContain("6,000 nodes drawn: 1,000 claims and 5,000 passages.");
    expect(svg).not.toContain("more than the graph can draw");
    expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBeGreaterThan(4000);
    // The cards are drawn in steps that give the thread back; what remains on it is reading and laying out.
    expect(maxBlockMs, `the thread was held for ${maxBlockMs.toFixed(0)} ms`).toBeLessThan(200);
  }, 60_000);

  it("png: an overview of at most 4,000 px a side, its cards' words drawn as lines, with the same headers", async () => {
    const response = await get(FULL.slug, "format=png&view=graph");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-stancemap-drawn")).toBe("6000 nodes (1000 claims, 5000 passages)");
    const data = Buffer.from(await response.arrayBuffer());
    expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(Math.max(data.readUInt32BE(16), data.readUInt32BE(20))).toBe(4000);
  }, 60_000);
});

describe("the graph picture of a map of more than 6,000 nodes", () => {
  it("folds to claims alone (each claim's passages come from five authors: a node per author would pass 6,000 too), and says it folded", async () => {
    const response = await get(OVER.slug, "format=svg&view=graph");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-stancemap-detail")).toBe("claims");
    expect(response.headers.get("x-stancemap-drawn")).toBe("1000 nodes (1000 claims)");
    const svg = await response.text();
    expect(cards(svg, "excerpt")).toBe(0);
    expect(cards(svg, "claim")).toBe(1000);
    expect(svg).toContain("1,000 nodes drawn: 1,000 claims (passages folded).");
    expect(svg).toContain("1,000 claims with 5,001 evidence links are more than the graph can draw one passage at a time (it draws up to 6,000 nodes). Only the claims and their links are drawn.");
  }, 60_000);
});
