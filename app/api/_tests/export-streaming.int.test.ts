/**
 * The streamed exports (JSON, AIF, Argdown, CSV) of a workspace larger than one page of rows —
 * a smaller map of the kind the benchmark generates (bench/generate-large.ts), with a few rows
 * soft-deleted — downloaded through the route: complete, parseable, with the counts of the live
 * rows, and the same text as the formatters give from the whole map model; read from one
 * snapshot while the workspace changes; a download stopped early gives its database connection
 * back. The workspace is deleted afterwards, so the demo stays as seeded.
 */
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLargeWorkspace } from "@/bench/generate-large";
import { db } from "@/lib/db/client";
import { DEFAULT_PAGE_SIZE } from "@/lib/db/snapshot";
import { toAif } from "@/lib/export/aif/to-aif";
import { toArgdown } from "@/lib/export/argdown/to-argdown";
import { toCsv } from "@/lib/export/csv/to-csv";
import { serialiseJsonWithLists } from "@/lib/export/json/serialise-native-document";
import { aifProblems, parseArgdown } from "@/lib/export/test/validators";
import { ZNativeDocumentSchema, type TNativeDocument } from "@/lib/schemas/native-document";
import { getMapGraph } from "@/lib/server/workspaces/get-map-graph";
import { createActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { GET as exportRoute } from "../workspaces/[slug]/export/route";
import { POST as createWorkspace } from "../workspaces/route";

const SLUG = "export-streaming-medium";
/** More evidence than two pages of the cursor, excerpts over one page. */
const SHAPE = { authors: 6, sourcesPerAuthor: 2, sourceChars: 4_000, claims: 120, excerpts: 5_000, evidence: 9_000, claimLinks: 40 };

let workspaceId: string;
let live: { sources: number; claims: number; links: number; excerpts: number; evidence: number; supportsOrOpposes: number; excerptsCited: number };

function request(query: string, slug = SLUG, headers: Record<string, string> = {}) {
  return exportRoute(new Request(`http://stancemap.test/api/workspaces/${slug}/export?${query}`, { headers }), { params: Promise.resolve({ slug }) });
}

/** The whole body, and how many pieces it came in. */
async function download(query: string, slug = SLUG, headers: Record<string, string> = {}): Promise<{ text: string; pieces: number; response: Response }> {
  const response = await request(query, slug, headers);
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  // ignoreBOM: keep a byte order mark in the text, where a spreadsheet would see it.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let pieces = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    pieces++;
  }
  return { text: text + decoder.decode(), pieces, response };
}

async function count(sql: string): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: number }[]>(sql, workspaceId);
  return row.n;
}

beforeAll(async () => {
  ({ workspaceId } = await generateLargeWorkspace(process.env.DATABASE_URL!, { slug: SLUG, seed: 7, shape: SHAPE }));
  // Some rows deleted, as people delete them: none of them, nor what hangs on them, may be exported.
  const deleted = new Date();
  const [source] = await db().source.findMany({ where: { workspaceId }, orderBy: { publishedOn: "desc" }, take: 1 });
  const [claim] = await db().claim.findMany({ where: { workspaceId }, orderBy: { rank: "asc" }, skip: 3, take: 1 });
  const excerpts = await db().excerpt.findMany({ where: { workspaceId, sourceId: { not: source.id } }, take: 5 });
  const evidence = await db().evidence.findMany({ where: { workspaceId, claimId: { not: claim.id } }, take: 5 });
  await db().source.update({ where: { id: source.id }, data: { deletedAt: deleted } });
  await db().claim.update({ where: { id: claim.id }, data: { deletedAt: deleted } });
  await db().excerpt.updateMany({ where: { id: { in: excerpts.map((x) => x.id) } }, data: { deletedAt: deleted } });
  await db().evidence.updateMany({ where: { id: { in: evidence.map((e) => e.id) } }, data: { deletedAt: deleted } });

  const liveEvidence = `from "Evidence" e join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
    join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
    where e."workspaceId" = $1::uuid and e."deletedAt" is null`;
  live = {
    sources: await count(`select count(*)::int n from "Source" where "workspaceId" = $1::uuid and "deletedAt" is null`),
    claims: await count(`select count(*)::int n from "Claim" where "workspaceId" = $1::uuid and "deletedAt" is null`),
    links: await count(`select count(*)::int n from "ClaimLink" l join "Claim" f on f.id = l."fromClaimId" and f."deletedAt" is null
      join "Claim" t on t.id = l."toClaimId" and t."deletedAt" is null where l."workspaceId" = $1::uuid and l."deletedAt" is null`),
    excerpts: await count(`select count(*)::int n from "Excerpt" x join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
      where x."workspaceId" = $1::uuid and x."deletedAt" is null`),
    evidence: await count(`select count(*)::int n ${liveEvidence}`),
    supportsOrOpposes: await count(`select count(*)::int n ${liveEvidence} and e.stance <> 'QUALIFIES'`),
    excerptsCited: await count(`select count(distinct e."excerptId")::int n ${liveEvidence}`),
  };
}, 60_000);

afterAll(async () => {
  await db().workspace.deleteMany({ where: { slug: { in: [SLUG, EMPTY] } } });
});

const EMPTY = "export-streaming-empty";

describe("streamed exports of a workspace larger than a page of rows", () => {
  it("is larger than a page: the evidence spans more than two pages of the cursor", () => {
    expect(live.evidence).toBeGreaterThan(2 * DEFAULT_PAGE_SIZE);
    expect(live.excerpts).toBeGreaterThan(DEFAULT_PAGE_SIZE);
    expect(live.sources).toBe(SHAPE.authors * SHAPE.sourcesPerAuthor - 1);
  });

  it("json: the complete native document, in many pieces, every live row once and nothing deleted", async () => {
    const { text, pieces } = await download("format=json");
    expect(pieces).toBeGreaterThan(3);
    const doc: TNativeDocument = ZNativeDocumentSchema.parse(JSON.parse(text));
    expect(doc.workspace.slug).toBe(SLUG);
    expect(doc.sources).toHaveLength(live.sources);
    expect(doc.claims).toHaveLength(live.claims);
    expect(doc.claimLinks).toHaveLength(live.links);
    expect(doc.excerpts).toHaveLength(live.excerpts);
    expect(doc.evidence).toHaveLength(live.evidence);
    expect(new Set(doc.evidence.map((e) => e.id)).size).toBe(live.evidence);
    const texts = new Map(doc.sources.map((s) => [s.id, s.text]));
    for (const x of doc.excerpts) expect(texts.get(x.sourceId)!.slice(x.start, x.end)).toBe(x.exact);
    const excerptIds = new Set(doc.excerpts.map((x) => x.id));
    const claimIds = new Set(doc.claims.map((c) => c.id));
    expect(doc.evidence.filter((e) => !excerptIds.has(e.excerptId) || !claimIds.has(e.claimId))).toEqual([]);
  });

  it("aif: passes AIF's graph rules with a node per claim, cited excerpt and relation; the same text as from the whole map", async () => {
    const { text, pieces } = await download("format=aif");
    expect(pieces).toBeGreaterThan(3);
    const aif = JSON.parse(text);
    expect(aifProblems(aif)).toEqual([]);
    const of = (type: string) => aif.nodes.filter((n: { type: string }) => n.type === type).length;
    expect(of("I")).toBe(live.claims + live.excerptsCited);
    expect(of("L")).toBe(live.excerptsCited);
    expect(of("RA") + of("CA")).toBe(live.evidence + live.links);
    expect(aif.participants).toHaveLength(SHAPE.authors);
    expect(text).toBe([...serialiseJsonWithLists({}, { ...toAif(await getMapGraph(workspaceId)) })].join(""));
  });

  it("argdown: parses without errors with a statement per claim and an argument per evidence link; the same text as from the whole map", async () => {
    const { text, pieces } = await download("format=argdown");
    expect(pieces).toBeGreaterThan(2);
    expect(text).toBe(toArgdown(await getMapGraph(workspaceId)));
    const parsed = parseArgdown(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements).toHaveLength(live.claims);
    expect(parsed.arguments).toHaveLength(live.evidence);
    expect(parsed.relations).toHaveLength(live.links + live.supportsOrOpposes);
  }, 60_000);

  it("csv: the evidence table has a row per live evidence link and the matrix a row per claim; the same text as from the whole map", async () => {
    const graph = await getMapGraph(workspaceId);
    const evidence = await download("format=csv&table=evidence&bom=1");
    expect(evidence.pieces).toBeGreaterThan(2);
    expect(evidence.text).toBe(toCsv(graph, { table: "evidence", bom: true }));
    const rows = Papa.parse<Record<string, string>>(evidence.text, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data).toHaveLength(live.evidence);

    const matrix = await download("format=csv");
    expect(matrix.text).toBe(toCsv(graph, { table: "matrix", bom: false }));
    const table = Papa.parse<string[]>(matrix.text.trimEnd(), { newline: "\r\n" });
    expect(table.errors).toEqual([]);
    expect(table.data).toHaveLength(live.claims + 1);
    expect(table.data[0]).toHaveLength(2 + SHAPE.authors);
  });

  it("reads one snapshot: a change made while the file downloads is not in it, and is in the next one", async () => {
    const response = await request("format=json");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    // Meanwhile someone deletes a source and adds a claim.
    const source = await db().source.findFirstOrThrow({ where: { workspaceId, deletedAt: null }, orderBy: { publishedOn: "asc" } });
    await db().source.update({ where: { id: source.id }, data: { deletedAt: new Date() } });
    const added = await db().claim.create({ data: { workspaceId, text: "Added while the export was read.", rank: 10_000 } });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      const during = JSON.parse(text) as TNativeDocument;
      expect(during.sources.map((s) => s.id)).toContain(source.id);
      expect(during.excerpts.some((x) => x.sourceId === source.id)).toBe(true);
      expect(during.claims.map((c) => c.id)).not.toContain(added.id);
      expect(during.evidence).toHaveLength(live.evidence);

      const after = JSON.parse((await download("format=json")).text) as TNativeDocument;
      expect(after.sources.map((s) => s.id)).not.toContain(source.id);
      expect(after.claims.map((c) => c.id)).toContain(added.id);
    } finally {
      await db().claim.delete({ where: { id: added.id } });
      await db().source.update({ where: { id: source.id }, data: { deletedAt: null } });
    }
  });

  it("a download stopped early ends its transaction and gives the connection back", async () => {
    const inTransaction = () =>
      db().$queryRaw<{ n: number }[]>`
        select count(*)::int n from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%' and query ilike 'fetch%'`.then(([row]) => row.n);
    const response = await request("format=argdown");
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    await expect.poll(inTransaction, { timeout: 2_000 }).toBe(1);
    await reader.cancel();
    await expect.poll(inTransaction, { timeout: 2_000 }).toBe(0);
  });

  it("an empty workspace exports in every streamed format: no rows, still complete files", async () => {
    const owner = await createActor(null, null, "Empty owner");
    expect((await call(createWorkspace, { method: "POST", headers: owner.headers, body: { title: "Nothing yet", slug: EMPTY, visibility: "PRIVATE" } })).status).toBe(201);
    const get = (query: string) => download(query, EMPTY, owner.headers).then((d) => d.text);
    const doc = ZNativeDocumentSchema.parse(JSON.parse(await get("format=json")));
    expect([doc.sources, doc.claims, doc.excerpts, doc.evidence]).toEqual([[], [], [], []]);
    expect(JSON.parse(await get("format=aif"))).toEqual({ nodes: [], edges: [], locutions: [], participants: [] });
    const argdown = parseArgdown(await get("format=argdown"));
    expect(argdown.errors).toEqual([]);
    expect(argdown.statements).toEqual([]);
    expect(await get("format=csv&table=evidence")).toBe("Claim,Author,Source,Published,Stance,Voice,Quote,Start,End,Note,Page\r\n");
    expect(await get("format=csv")).toBe("Claim,Tags\r\n");
  });

  it("more downloads at once than the pool has connections all finish, each complete", async () => {
    const whole = (await download("format=csv&table=evidence")).text;
    const texts = await Promise.all(Array.from({ length: 6 }, () => download("format=csv&table=evidence").then((d) => d.text)));
    for (const text of texts) expect(text).toBe(whole);
  });
});
