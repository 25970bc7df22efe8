/**
 * Native JSON export and import against a real PostgreSQL: the demo exported, imported as a new
 * workspace and exported again gives the same document apart from ids, slug and time; a broken,
 * oversized or inconsistent document is refused with its problems named and writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, countRows, type TActor } from "@/lib/testing/actors";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { call } from "@/lib/testing/call";
import type { TNativeDocument } from "@/lib/schemas/native-document";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";
import { POST as importWorkspace } from "../workspaces/import/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";
import { POST as createWorkspace } from "../workspaces/route";

let importer: TActor;

async function exportJson(slug: string, headers: Record<string, string> = {}) {
  const response = await exportWorkspace(new Request(`http://localhost/api/workspaces/${slug}/export?format=json`, { headers }), { params: Promise.resolve({ slug }) });
  return { response, text: await response.text() };
}

/** Replaces every id by its list and place ("claims#3"), and drops what an import renews. */
function normalise(doc: TNativeDocument) {
  const names = new Map<string, string>();
  const lists = ["authors", "sources", "claims", "claimLinks", "excerpts", "evidence"] as const;
  for (const list of lists) (doc[list] as { id: string }[]).forEach((row, i) => names.set(row.id, `${list}#${i}`));
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "id" || k.endsWith("Id") ? names.get(v as string) ?? `unknown:${v}` : rename(v)]));
    return value;
  };
  const { exportedAt: _at, workspace, ...rest } = doc;
  return { ...(rename(rest) as object), workspace: { ...workspace, slug: "(slug)" } };
}

const importDoc = (body: unknown, headers = importer.headers, query = "") =>
  call(importWorkspace, { method: "POST", path: `/api/workspaces/import${query}`, headers, body });

beforeAll(async () => {
  importer = await createActor(null, null, "Importer");
});

describe("GET /api/workspaces/:slug/export?format=json", () => {
  it("downloads the demo as a complete v1 document", async () => {
    const { response, text } = await exportJson("sco-debate");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="sco-debate-\d{4}-\d{2}-\d{2}\.stancemap\.json"$/);
    const doc = JSON.parse(text) as TNativeDocument;
    expect(doc.schemaVersion).toBe(1);
    expect(doc.workspace).toMatchObject({ slug: "sco-debate", visibility: "PUBLIC" });
    const live = { workspace: { slug: "sco-debate" }, deletedAt: null };
    expect(doc.sources).toHaveLength(await db().source.count({ where: live }));
    expect(doc.claims).toHaveLength(await db().claim.count({ where: live }));
    expect(doc.sources.map((s) => s.published)).toEqual(["2008", "2021-04-29", "2022-09", "2022-12-22", "2024-07"]);
    for (const x of doc.excerpts) expect(doc.sources.find((s) => s.id === x.sourceId)!.text.slice(x.start, x.end)).toBe(x.exact);
  });

  it("refuses an unknown format (400) and hides a private workspace from outsiders (404)", async () => {
    const bad = await exportWorkspace(new Request("http://localhost/api/workspaces/sco-debate/export?format=docx"), { params: Promise.resolve({ slug: "sco-debate" }) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("format must be one of json");
    const owner = await createActor(null, null, "Owner");
    await call(createWorkspace, { method: "POST", headers: owner.headers, body: { title: "Closed", slug: "closed-export", visibility: "PRIVATE" } });
    const outsider = await createActor(null, null, "Outsider");
    expect((await exportJson("closed-export", outsider.headers)).response.status).toBe(404);
    expect((await exportJson("closed-export", owner.headers)).response.status).toBe(200);
  });
});

describe("POST /api/workspaces/import", () => {
  it("round trip: export → import → export gives the same document apart from ids, slug and time", async () => {
    const first = JSON.parse((await exportJson("sco-debate")).text) as TNativeDocument;
    const imported = await importDoc(first);
    expect(imported.status).toBe(201);
    expect(imported.body.slug).toMatch(/^sco-debate-\d+$/);
    expect(imported.body.counts).toEqual({
      authors: first.authors.length,
      sources: first.sources.length,
      claims: first.claims.length,
      claimLinks: first.claimLinks.length,
      excerpts: first.excerpts.length,
      evidence: first.evidence.length,
      positions: first.positions.length,
    });
    const second = JSON.parse((await exportJson(imported.body.slug, importer.headers)).text) as TNativeDocument;
    expect(second.claims[0].id).not.toBe(first.claims[0].id);
    expect(normalise(second)).toEqual(normalise(first));

    // The importer owns the copy, and the matrix derives the same positions from it.
    const member = await db().member.findFirstOrThrow({ where: { workspace: { slug: imported.body.slug }, userId: importer.userId } });
    expect(member.role).toBe("OWNER");
    const stances = async (slug: string, headers?: Record<string, string>) =>
      (await call(getMatrix, { params: { slug }, headers })).body.claims.map((c: { positions: Record<string, { stance: string }> }) => Object.values(c.positions).map((p) => p.stance));
    expect(await stances(imported.body.slug, importer.headers)).toEqual(await stances("sco-debate"));
    const events = await db().event.findMany({ where: { workspace: { slug: imported.body.slug } }, select: { type: true } });
    expect(events.map((e) => e.type).sort()).toEqual(["workspace.created", "workspace.imported"]);
  });

  it("keeps a source's pages through export and import; pages out of order are dropped", async () => {
    const first = JSON.parse((await exportJson("sco-debate")).text) as TNativeDocument;
    const [withPages, disordered] = first.sources;
    const doc = {
      ...first,
      sources: first.sources.map((s) => (s === withPages ? { ...s, pages: [0, 4000, 8000] } : s === disordered ? { ...s, pages: [0, 900, 300] } : s)),
    };
    const imported = await importDoc(doc);
    expect(imported.status).toBe(201);
    const second = JSON.parse((await exportJson(imported.body.slug, importer.headers)).text) as TNativeDocument;
    const byTitle = new Map(second.sources.map((s) => [s.title, s]));
    expect(byTitle.get(withPages.title)!.pages).toEqual([0, 4000, 8000]);
    expect(byTitle.get(disordered.title)!.pages).toEqual([0, 900]);
    expect(second.sources.filter((s) => s.pages)).toHaveLength(2);
  });

  it("asks an anonymous caller to sign in (401) and writes nothing", async () => {
    const doc = JSON.parse((await exportJson("sco-debate")).text);
    const result = await expectNoWrites(() => importDoc(doc, { "content-type": "application/json" }));
    expect(result.status).toBe(401);
  });

  it("refuses broken JSON, another schemaVersion and a missing list with 400 naming the path; nothing written", async () => {
    const broken = await expectNoWrites(() => call(importWorkspace, { method: "POST", path: "/api/workspaces/import", headers: importer.headers, rawBody: '{"schemaVersion": 1, "workspace": ' }));
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain("not valid JSON");

    const doc = JSON.parse((await exportJson("sco-debate")).text);
    const version = await expectNoWrites(() => importDoc({ ...doc, schemaVersion: 2 }));
    expect(version.status).toBe(400);
    expect(version.body.error.issues).toContainEqual({ path: "schemaVersion", message: expect.stringContaining("schemaVersion must be 1") });

    const { claims: _claims, ...missing } = doc;
    const incomplete = await expectNoWrites(() => importDoc({ ...missing, evidence: [{ ...doc.evidence[0], stance: "LIKES" }] }));
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["claims", "evidence.0.stance"]));

    const format = await expectNoWrites(() => importDoc(doc, importer.headers, "?format=docx"));
    expect(format.status).toBe(400);
  });

  it("refuses a selector that does not match its text (422, path named) and writes nothing", async () => {
    const doc = JSON.parse((await exportJson("sco-debate")).text) as TNativeDocument;
    doc.excerpts[5] = { ...doc.excerpts[5], exact: "Words that none of these articles holds, not even nearly so." };
    doc.evidence[2] = { ...doc.evidence[2], claimId: "no-such-claim" };
    const result = await expectNoWrites(() => importDoc(doc));
    expect(result.status).toBe(422);
    expect(result.body.error.issues).toEqual([
      { path: "excerpts.5.exact", message: expect.stringContaining("does not match the source text") },
      { path: "evidence.2.claimId", message: "no claim has the id 'no-such-claim'" },
    ]);
    expect(result.body.error.message).toContain("2 problems, first at excerpts.5.exact");
  });

  it("places an excerpt whose quote is not at its offsets by its words, as the source's own text, approximately when it must", async () => {
    const doc = JSON.parse((await exportJson("sco-debate")).text) as TNativeDocument;
    const original = doc.excerpts[5];
    doc.excerpts[5] = { ...original, start: original.start + 7, end: original.end + 7, exact: `${original.exact.slice(0, -3)}XYZ` };
    const result = await importDoc(doc);
    expect(result.status).toBe(201);
    const excerpts = await db().excerpt.findMany({ where: { workspace: { slug: result.body.slug }, start: original.start }, include: { source: { select: { text: true } } } });
    expect(excerpts).toHaveLength(1);
    const [placed] = excerpts;
    expect(placed.exact).toBe(placed.source.text.slice(placed.start, placed.end));
    expect(placed.exact.startsWith(original.exact.slice(0, -3))).toBe(true);
    expect(placed.anchorMethod).toBe("fuzzy");
    expect(placed.anchorScore).toBeGreaterThan(0.9);
  });

  it("refuses a 50 MB upload with 413 and writes nothing", async () => {
    const doc = JSON.parse((await exportJson("sco-debate")).text) as TNativeDocument;
    const huge = JSON.stringify({ ...doc, sources: [{ ...doc.sources[0], text: "x".repeat(50 * 1024 * 1024) }] });
    const result = await expectNoWrites(() => call(importWorkspace, { method: "POST", path: "/api/workspaces/import", headers: importer.headers, rawBody: huge }));
    expect(result.status).toBe(413);
    expect(result.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("returns the first answer for a retry with the same Idempotency-Key, importing once", async () => {
    const doc = JSON.parse((await exportJson("sco-debate")).text);
    const headers = { ...importer.headers, "idempotency-key": "import-once-1" };
    const first = await importDoc(doc, headers);
    const before = await countRows();
    const again = await importDoc(doc, headers);
    expect(again).toEqual(first);
    expect(await countRows()).toEqual(before);
  });
});

describe("sources from HTML", () => {
  it("reduces a page to its text when a source is added with format html, and previews it with POST /api/sources/extract", async () => {
    const { POST: createSource } = await import("../workspaces/[slug]/sources/route");
    const { POST: extract } = await import("../sources/extract/route");
    const owner = await createActor(null, null, "Html owner");
    await call(createWorkspace, { method: "POST", headers: owner.headers, body: { title: "Pages", slug: "html-pages", visibility: "PRIVATE" } });
    const html = "<html><head><title>T</title><script>steal()</script></head><body><p>One.</p><style>p{}</style><p>Two.</p></body></html>";
    const preview = await call(extract, { method: "POST", headers: owner.headers, body: { html } });
    expect(preview).toEqual({ status: 200, body: { text: "One.\n\nTwo.", title: "T", author: null, published: null, siteName: null, pages: null } });
    const created = await call(createSource, { method: "POST", params: { slug: "html-pages" }, headers: owner.headers, body: { title: "T", author: { name: "A. Writer" }, published: "2024", text: html, format: "html" } });
    expect(created.status).toBe(201);
    expect((await db().source.findUniqueOrThrow({ where: { id: created.body.id } })).text).toBe("One.\n\nTwo.");
    const empty = await expectNoWrites(() =>
      call(createSource, { method: "POST", params: { slug: "html-pages" }, headers: owner.headers, body: { title: "E", author: { name: "A. Writer" }, published: "2024", text: "<script>x()</script>", format: "html" } }),
    );
    expect(empty.status).toBe(422);
    expect((await call(extract, { method: "POST", headers: { "content-type": "application/json" }, body: { html } })).status).toBe(401);
  });
});
