/**
 * A deleted source leaves every view at once: the matrix, the map and the argument graph, the
 * graph page's outline, every export, the timeline, a claim's page, the gaps, search, suggested
 * passages, comparisons, the source page and the workspace home. Each view is read before and
 * after the source is soft-deleted; before, it shows the source's words or ids, after, nothing of
 * them (as lib/db/live-rows.ts says: the excerpts of a deleted source and their evidence are not live).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedWorkspace } from "@/lib/db/seed/seed-workspace";
import { ZExportQuerySchema } from "@/lib/schemas/export";
import { getClaim } from "../claims/get-claim";
import { suggestPassages } from "../claims/suggest-passages";
import { getComparison } from "../compare/get-comparison";
import { exportWorkspace } from "../export/export-workspace";
import { searchWorkspace } from "../search/search-workspace";
import { getSource } from "../sources/get-source";
import { getTimeline } from "../timeline/get-timeline";
import { findGaps } from "../workspaces/find-gaps";
import { getArgumentGraph } from "../workspaces/get-argument-graph";
import { getGraphOutline } from "../workspaces/get-graph-outline";
import { getMapGraph } from "../workspaces/get-map-graph";
import { getMatrix } from "../workspaces/get-matrix";
import { getWorkspaceOverview } from "../workspaces/get-workspace-overview";

/** A word only source B holds, in a quote cited as evidence. */
const WORD = "zyxqubit";

const workspace = { id: "", slug: "deleted-source", title: "A deleted source", description: "", visibility: "PRIVATE" as const };
const ids = { sourceA: "", sourceB: "", authorA: "", authorB: "", one: "", two: "", three: "", evidenceB: [] as string[], uncitedB: "" };

/** Every view of the workspace, as text, keyed by its name. */
async function views(): Promise<Record<string, string>> {
  const w = workspace.id;
  const text = (value: unknown) => JSON.stringify(value);
  const matrix = await getMatrix(w);
  const read: Record<string, () => Promise<unknown>> = {
    matrix: async () => matrix,
    "map graph": () => getMapGraph(w),
    "argument graph": () => getArgumentGraph(w),
    timeline: () => getTimeline(w),
    "claim page": () => getClaim(w, ids.one),
    gaps: () => findGaps(w, matrix),
    // Without the query, which the answer repeats.
    "search (words in quotes, passages, comments)": () => searchWorkspace(w, { q: WORD, limit: 20 }).then(({ q: _q, ...groups }) => groups),
    "search (titles)": () => searchWorkspace(w, { q: "Bravo Ledger", kind: "sources", limit: 20 }).then(({ q: _q, ...groups }) => groups),
    suggestions: () => suggestPassages(w, ids.three, { perAuthor: 3 }),
    comparison: () => getComparison(w, [ids.authorA, ids.authorB], { ignoreUnknown: true }).then((c) => ({ ...c, ignored: [] })),
    "workspace home": () => getWorkspaceOverview(w),
  };
  const out: Record<string, string> = {};
  for (const [name, view] of Object.entries(read)) out[name] = text(await view());
  for (const query of ["format=json", "format=json&comments=1", "format=aif", "format=argdown", "format=csv&table=evidence", "format=csv&table=matrix", "format=markdown", "format=annotations", "format=svg"]) {
    const file = await exportWorkspace(workspace, ZExportQuerySchema.parse(Object.fromEntries(new URLSearchParams(query))), "http://stancemap.test", "test");
    let body = "";
    for await (const chunk of file.chunks) body += typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
    out[`export ${query}`] = body;
  }
  return out;
}

/** What of source B a view shows while it is live: its quoted words unless said otherwise. */
function tracesOfB(name: string): string[] {
  const traces: Record<string, string[]> = {
    matrix: ["Quillfeather", ids.authorB],
    "map graph": [WORD, ids.sourceB, ids.evidenceB[0]],
    timeline: [ids.sourceB],
    "claim page": [WORD, ids.evidenceB[0]],
    gaps: [ids.uncitedB],
    "search (titles)": [ids.sourceB],
    suggestions: [ids.sourceB],
    "workspace home": [ids.sourceB],
    "export format=json": [WORD, ids.sourceB, ids.evidenceB[0]],
    "export format=csv&table=matrix": ["Quillfeather"],
    "export format=svg": ["Quillfeather"],
  };
  return traces[name] ?? [WORD];
}

let before: Record<string, string>;

beforeAll(async () => {
  ({ workspaceId: workspace.id } = await seedWorkspace(db(), {
    workspace: { slug: workspace.slug, title: workspace.title, visibility: workspace.visibility },
    sources: [
      { key: "a", title: "The Alpha Notes", author: { name: "Ada Alpha", shortName: "Alpha" }, published: "2020-05", text: "Alpha thinks the harbour matters. Alpha doubts the tariff works. Alpha notes the river floods." },
      {
        key: "b",
        title: "The Bravo Ledger",
        author: { name: "Bertrand Quillfeather", shortName: "Quillfeather" },
        published: "2021",
        text: `Quillfeather finds the ${WORD} harbour vital.\n\nQuillfeather says nothing of tariffs.\n\nQuorvian ferries cross the strait daily.`,
      },
    ],
    claims: [
      { key: "one", text: "The harbour matters." },
      { key: "two", text: "Tariffs work." },
      { key: "three", text: "Ferries cross the strait." },
    ],
    evidence: [
      { source: "a", exact: "Alpha thinks the harbour matters.", claim: "one", stance: "SUPPORTS", voice: "AUTHOR" },
      { source: "a", exact: "Alpha doubts the tariff works.", claim: "two", stance: "OPPOSES", voice: "AUTHOR" },
      { source: "b", exact: `Quillfeather finds the ${WORD} harbour vital.`, claim: "one", stance: "SUPPORTS", voice: "AUTHOR" },
      { source: "b", exact: "Quillfeather says nothing of tariffs.", claim: "two", stance: "QUALIFIES", voice: "REPORTED" },
    ],
  }));
  const w = workspace.id;
  const sources = await db().source.findMany({ where: { workspaceId: w }, orderBy: { title: "asc" } });
  [ids.sourceA, ids.sourceB] = sources.map((s) => s.id);
  [ids.authorA, ids.authorB] = sources.map((s) => s.authorId);
  const claims = await db().claim.findMany({ where: { workspaceId: w }, orderBy: { rank: "asc" } });
  [ids.one, ids.two, ids.three] = claims.map((c) => c.id);
  ids.evidenceB = (await db().evidence.findMany({ where: { excerpt: { sourceId: ids.sourceB } }, orderBy: { createdAt: "asc" } })).map((e) => e.id);
  // A passage marked in B that backs no claim (the gaps list it), and a comment on B's evidence.
  const text = sources[1].text;
  const start = text.indexOf("Quorvian");
  ids.uncitedB = (await db().excerpt.create({ data: { workspaceId: w, sourceId: ids.sourceB, start, end: start + 8, exact: "Quorvian", prefix: text.slice(start - 32, start), suffix: text.slice(start + 8, start + 40) } })).id;
  const commenter = await db().user.create({ data: { email: `deleted-source-${Date.now()}@example.test`, name: "Commenter" } });
  await db().comment.create({ data: { workspaceId: w, evidenceId: ids.evidenceB[0], authorId: commenter.id, body: `About the ${WORD} harbour.` } });

  before = await views();
  await db().source.update({ where: { id: ids.sourceB }, data: { deletedAt: new Date() } });
});

describe("a soft-deleted source", () => {
  it("was shown by every view while it was live", () => {
    for (const [name, text] of Object.entries(before)) for (const trace of tracesOfB(name)) expect(text, `${name} shows ${trace}`).toContain(trace);
  });

  it("is shown by no view once deleted: not its words, its ids, its evidence or its author", async () => {
    const after = await views();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [name, text] of Object.entries(after)) {
      // Authors are never deleted: the native document lists them all, with or without sources.
      const author = name.startsWith("export format=json") ? [] : ["Quillfeather", ids.authorB];
      for (const trace of [WORD, "Bravo", ids.sourceB, ids.uncitedB, ...ids.evidenceB, ...author]) expect(text, `${name} shows ${trace}`).not.toContain(trace);
      if (!name.startsWith("search")) expect(text, `${name} still shows source A`).toMatch(/Alpha|harbour/);
    }
  });

  it("leaves counts that no longer count its evidence", async () => {
    const outline = await getGraphOutline(workspace.id);
    expect(outline.claims.map((c) => [c.evidence, c.authors])).toEqual([
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    const claim = await getClaim(workspace.id, ids.one);
    expect(claim.positions.map((p) => [p.author.shortName, p.stance, p.evidenceCount])).toEqual([["Alpha", "SUPPORTS", 1]]);
    const gaps = await findGaps(workspace.id, await getMatrix(workspace.id));
    expect(gaps.uncitedExcerpts.total).toBe(0);
    expect(gaps.thinClaims.items.map((c) => [c.claimId, c.source?.id ?? null])).toEqual([
      [ids.three, null],
      [ids.one, ids.sourceA],
      [ids.two, ids.sourceA],
    ]);
    await expect(getSource(workspace.id, ids.sourceB)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
