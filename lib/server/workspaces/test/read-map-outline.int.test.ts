/**
 * One map reader for the pages and the streamed exports: `readMapOutline` and the map's evidence
 * queries give the same answers through Prisma (getMapGraph) as through the `pg` snapshot of the
 * exports — on the demo, and on a generated map with deleted rows in every table, none of which
 * (nor anything under them) may appear.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, prismaRows } from "@/lib/db/client";
import { liveWhere } from "@/lib/db/live-rows";
import { readSnapshot, type TSnapshot } from "@/lib/db/snapshot";
import { citationsOf, type TMapCitation } from "@/lib/domain/map-graph";
import { generateMapWithDeletions, type TMapWithDeletions } from "@/lib/testing/map-with-deletions";
import { getMapGraph } from "../get-map-graph";
import { mapCitationsSql, mapEvidenceSql, mapExcerptsSql, readMapOutline } from "../read-map-outline";

let map: TMapWithDeletions;
let demoId: string;

beforeAll(async () => {
  map = await generateMapWithDeletions("read-map-outline");
  demoId = (await db().workspace.findUniqueOrThrow({ where: { slug: "sco-debate" }, select: { id: true } })).id;
});

/** What `read` gives inside one snapshot of the streamed reads. */
async function inSnapshot<T>(read: (snapshot: TSnapshot) => Promise<T>): Promise<T> {
  const values: T[] = [];
  for await (const value of readSnapshot(async function* (snapshot) {
    yield await read(snapshot);
  }))
    values.push(value);
  return values[0];
}

async function allPages<T>(snapshot: TSnapshot, query: Parameters<TSnapshot["pages"]>[0]): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of snapshot.pages<T>(query, 100)) rows.push(...page);
  return rows;
}

describe.each([
  ["the demo", () => demoId],
  ["a map with deleted rows", () => map.workspaceId],
])("the map of %s", (_, workspaceOf) => {
  it("reads the same outline through Prisma and through a snapshot, with and without positions, whole and for some claims", async () => {
    const workspaceId = workspaceOf();
    const whole = await readMapOutline(prismaRows, workspaceId, { positions: true });
    expect(whole.claims.length).toBeGreaterThan(10);
    expect(whole.positions.length).toBeGreaterThan(10);
    expect(await inSnapshot((s) => readMapOutline(s, workspaceId, { positions: true }))).toEqual(whole);
    expect(await inSnapshot((s) => readMapOutline(s, workspaceId, { positions: false }))).toEqual({ ...whole, positions: [] });

    const claimIds = whole.claims.slice(0, 4).map((c) => c.id);
    const part = await readMapOutline(prismaRows, workspaceId, { claimIds, positions: true });
    expect(part.claims.map((c) => c.id)).toEqual(claimIds);
    expect(await inSnapshot((s) => readMapOutline(s, workspaceId, { claimIds, positions: true }))).toEqual(part);
  });

  it("reads the same excerpts and evidence through both, and the exports' citations are the map's evidence with its passages", async () => {
    const workspaceId = workspaceOf();
    const graph = await getMapGraph(workspaceId);
    const [excerpts, evidence, citations] = await inSnapshot(async (s) =>
      Promise.all([s.rows(mapExcerptsSql(workspaceId)), s.rows(mapEvidenceSql(workspaceId)), allPages<TMapCitation>(s, mapCitationsSql(workspaceId))]),
    );
    expect(excerpts).toEqual(graph.excerpts);
    expect(evidence).toEqual(graph.evidence);
    expect(citations).toEqual(citationsOf(graph));
    expect(citations).toHaveLength(graph.evidence.length);
  });
});

describe("the map of a workspace where rows were deleted", () => {
  it("holds none of them, nor anything under them", async () => {
    const graph = await getMapGraph(map.workspaceId);
    const text = JSON.stringify(graph);
    for (const id of [...Object.values(map.deleted), ...Object.values(map.orphaned)]) expect(text).not.toContain(id);
    expect(graph.sources).toHaveLength(7);
    expect(graph.claims).toHaveLength(29);
    expect(graph.excerpts).toHaveLength(await db().excerpt.count({ where: { workspaceId: map.workspaceId, ...liveWhere.excerpt } }));
    expect(graph.evidence.length).toBeGreaterThan(350);
  });
});
