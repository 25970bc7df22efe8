/**
 * The canonical map model read from a real PostgreSQL: the seeded demo, and a small workspace of
 * this test's own where rows are soft-deleted.
 */
import { describe, expect, it } from "vitest";
import { GET as getMatrixRoute } from "@/app/api/workspaces/[slug]/matrix/route";
import { db } from "@/lib/db/client";
import { seedWorkspace } from "@/lib/db/seed/seed-workspace";
import { buildArgumentGraph, outlineOf } from "@/lib/domain/argument-graph";
import { getGraphOutline } from "../get-graph-outline";
import { getMapGraph } from "../get-map-graph";

interface TMatrixBody {
  authors: { id: string; shortName: string; published: string }[];
  claims: { id: string; text: string; positions: Record<string, { stance: string; evidenceCount: number; explicit: boolean }> }[];
}

async function demoId(): Promise<string> {
  return (await db().workspace.findUniqueOrThrow({ where: { slug: "sco-debate" }, select: { id: true } })).id;
}

async function matrixOverHttp(slug: string): Promise<TMatrixBody> {
  const response = await getMatrixRoute(new Request(`http://localhost/api/workspaces/${slug}/matrix`), { params: Promise.resolve({ slug }) });
  expect(response.status).toBe(200);
  return (await response.json()) as TMatrixBody;
}

/**
 * What the demo holds now: other test files add claims and evidence to it, so counts are read
 * from the database (live rows whose parents are live) rather than assumed from the seed.
 */
async function liveCounts() {
  const live = { workspace: { slug: "sco-debate" }, deletedAt: null };
  return {
    claims: await db().claim.count({ where: live }),
    links: await db().claimLink.count({ where: { ...live, fromClaim: { deletedAt: null }, toClaim: { deletedAt: null } } }),
    evidence: await db().evidence.count({ where: { ...live, claim: { deletedAt: null }, excerpt: { deletedAt: null, source: { deletedAt: null } } } }),
  };
}

describe("getMapGraph on the demo workspace", () => {
  it("holds the whole map: 5 authors, 5 sources, and every live claim, claim link and evidence link", async () => {
    const graph = await getMapGraph(await demoId());
    const counts = await liveCounts();
    // As seeded: 14 claims, 6 links, 67 evidence links (more when other tests have added some).
    expect(counts.claims).toBeGreaterThanOrEqual(14);
    expect(counts.evidence).toBeGreaterThanOrEqual(67);
    expect(graph.workspace).toMatchObject({ slug: "sco-debate", visibility: "PUBLIC" });
    expect(graph.authors.map((a) => [a.shortName, a.published])).toEqual([
      ["Katz", "2008"],
      ["Nurimbetov", "2021-04-29"],
      ["ECFR", "2022-09"],
      ["Harding", "2022-12-22"],
      ["The Diplomat", "2024-07"],
    ]);
    expect(graph.sources).toHaveLength(5);
    expect(graph.sources.find((s) => s.authorId === graph.authors[0].id)).toMatchObject({ published: "2008", precision: "YEAR" });
    expect(graph.claims).toHaveLength(counts.claims);
    expect(graph.claims.map((c) => c.rank)).toEqual([...graph.claims.map((c) => c.rank)].sort((a, b) => a - b));
    expect(graph.claimLinks).toHaveLength(counts.links);
    expect(graph.evidence).toHaveLength(counts.evidence);
  });

  it("refers only to rows inside the graph, and every excerpt's quote is its own", async () => {
    const graph = await getMapGraph(await demoId());
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const [authors, sources, claims, excerpts] = [ids(graph.authors), ids(graph.sources), ids(graph.claims), ids(graph.excerpts)];
    for (const s of graph.sources) expect(authors.has(s.authorId)).toBe(true);
    for (const x of graph.excerpts) expect(sources.has(x.sourceId)).toBe(true);
    for (const e of graph.evidence) {
      expect(excerpts.has(e.excerptId)).toBe(true);
      expect(claims.has(e.claimId)).toBe(true);
    }
    for (const l of graph.claimLinks) expect(claims.has(l.fromClaimId) && claims.has(l.toClaimId)).toBe(true);
    const texts = new Map((await db().source.findMany({ where: { id: { in: [...sources] } }, select: { id: true, text: true } })).map((s) => [s.id, s.text]));
    for (const x of graph.excerpts) expect(texts.get(x.sourceId)!.slice(x.start, x.end)).toBe(x.exact);
    // A passage quoted for several claims is one excerpt.
    expect(graph.excerpts.length).toBeLessThan(graph.evidence.length);
  });

  it("gives every author the same position on every claim as GET /matrix", async () => {
    const [graph, matrix] = await Promise.all([getMapGraph(await demoId()), matrixOverHttp("sco-debate")]);
    expect(matrix.claims.map((c) => c.id)).toEqual(graph.claims.map((c) => c.id));
    const inGraph = new Map(graph.positions.map((p) => [`${p.claimId}:${p.authorId}`, p]));
    let cells = 0;
    for (const claim of matrix.claims) {
      for (const author of matrix.authors) {
        const cell = claim.positions[author.id];
        const position = inGraph.get(`${claim.id}:${author.id}`);
        // The model lists the cells that say something; a missing one is SILENT without evidence.
        expect({ stance: position?.stance ?? "SILENT", evidenceCount: position?.evidenceCount ?? 0, explicit: position?.explicit ?? false }).toEqual({
          stance: cell.stance,
          evidenceCount: cell.evidenceCount,
          explicit: cell.explicit,
        });
        cells += 1;
      }
    }
    expect(cells).toBe((await liveCounts()).claims * 5);
    expect(graph.positions.length).toBe(matrix.claims.flatMap((c) => Object.values(c.positions)).filter((p) => p.evidenceCount > 0 || p.explicit).length);
  });

  it("restricted to some claims, carries only their evidence, excerpts, positions and links", async () => {
    const workspaceId = await demoId();
    const full = await getMapGraph(workspaceId);
    const antiNato = full.claims.find((c) => c.text === "The SCO is an anti-NATO bloc.")!;
    const linked = full.claimLinks.filter((l) => l.toClaimId === antiNato.id).map((l) => l.fromClaimId);
    const ids = [antiNato.id, ...linked];
    const part = await getMapGraph(workspaceId, { claimIds: ids });
    expect(part.claims.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(part.evidence.length).toBe(full.evidence.filter((e) => ids.includes(e.claimId)).length);
    expect(part.evidence.every((e) => ids.includes(e.claimId))).toBe(true);
    expect(new Set(part.excerpts.map((x) => x.id))).toEqual(new Set(part.evidence.map((e) => e.excerptId)));
    expect(part.claimLinks.map((l) => l.id).sort()).toEqual(full.claimLinks.filter((l) => ids.includes(l.fromClaimId) && ids.includes(l.toClaimId)).map((l) => l.id).sort());
    expect(part.positions).toEqual(full.positions.filter((p) => ids.includes(p.claimId)));
    expect(part.authors).toEqual(full.authors);

    const light = await getMapGraph(workspaceId, { claimIds: ids, evidence: false });
    expect(light.excerpts).toEqual([]);
    expect(light.evidence).toEqual([]);
    expect(light.positions).toEqual(part.positions);
  });

  it("outlines the map for the graph page as the map itself would", async () => {
    const workspaceId = await demoId();
    const [outline, graph] = await Promise.all([getGraphOutline(workspaceId), getMapGraph(workspaceId)]);
    expect(outline).toEqual(outlineOf(graph));
    const view = buildArgumentGraph(graph);
    const counts = await liveCounts();
    expect(view.nodes.filter((n) => n.kind === "claim")).toHaveLength(counts.claims);
    expect(view.edges.filter((e) => e.kind === "evidence")).toHaveLength(counts.evidence);
    expect(view.edges.filter((e) => e.kind === "link")).toHaveLength(counts.links);
  });
});

describe("getMapGraph and soft deletes", () => {
  it("drops a deleted source's excerpts and evidence, a deleted claim's evidence and links, and deleted rows themselves", async () => {
    const text = "First passage here. Second passage there. Third passage elsewhere.";
    const { workspaceId } = await seedWorkspace(db(), {
      workspace: { slug: "map-graph-deletes", title: "Deletes", visibility: "PRIVATE" },
      sources: [
        { key: "a", title: "A", author: { name: "Author A", shortName: "A" }, published: "2020-05", text },
        { key: "b", title: "B", author: { name: "Author B", shortName: "B" }, published: "2021", text },
      ],
      claims: [
        { key: "one", text: "Claim one." },
        { key: "two", text: "Claim two." },
      ],
      links: [{ from: "two", to: "one", relation: "OPPOSES" }],
      evidence: [
        { source: "a", exact: "First passage here.", claim: "one", stance: "SUPPORTS", voice: "AUTHOR" },
        { source: "a", exact: "Second passage there.", claim: "two", stance: "OPPOSES", voice: "AUTHOR" },
        { source: "b", exact: "Third passage elsewhere.", claim: "one", stance: "QUALIFIES", voice: "REPORTED" },
      ],
    });
    const before = await getMapGraph(workspaceId);
    expect([before.claims.length, before.claimLinks.length, before.excerpts.length, before.evidence.length]).toEqual([2, 1, 3, 3]);

    const sourceB = before.sources.find((s) => s.title === "B")!;
    const two = before.claims.find((c) => c.text === "Claim two.")!;
    await db().source.update({ where: { id: sourceB.id }, data: { deletedAt: new Date() } });
    await db().claim.update({ where: { id: two.id }, data: { deletedAt: new Date() } });

    const after = await getMapGraph(workspaceId);
    expect(after.sources.map((s) => s.title)).toEqual(["A"]);
    expect(after.authors.map((a) => a.shortName)).toEqual(["A"]);
    expect(after.claims.map((c) => c.text)).toEqual(["Claim one."]);
    expect(after.claimLinks).toEqual([]);
    // Source A's passage for the deleted claim is still a live excerpt (it may back a claim again).
    expect(after.excerpts.map((x) => x.exact).sort()).toEqual(["First passage here.", "Second passage there."]);
    expect(after.evidence.map((e) => e.stance)).toEqual(["SUPPORTS"]);
    expect(after.positions).toEqual([{ claimId: after.claims[0].id, authorId: after.authors[0].id, stance: "SUPPORTS", explicit: false, evidenceCount: 1, note: null }]);
    // The graph view draws only excerpts that are evidence.
    expect(buildArgumentGraph(after).nodes.map((n) => n.kind)).toEqual(["claim", "excerpt"]);
  });
});
