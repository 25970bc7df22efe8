/**
 * Imports from other tools against a real PostgreSQL: AIF and Kialo as new workspaces, W3C
 * annotations re-anchored onto an existing source. Failed imports write nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, countRows, type TActor } from "@/lib/testing/actors";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { call } from "@/lib/testing/call";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";
import { POST as importWorkspace } from "../workspaces/import/route";
import { POST as createWorkspace } from "../workspaces/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { POST as importAnnotations } from "../workspaces/[slug]/sources/[id]/annotations/route";
import { GET as getSource } from "../workspaces/[slug]/sources/[id]/route";

let user: TActor;

async function exported(format: string) {
  const response = await exportWorkspace(new Request(`http://stancemap.test/api/workspaces/sco-debate/export?format=${format}`), { params: Promise.resolve({ slug: "sco-debate" }) });
  return JSON.parse(await response.text());
}

beforeAll(async () => {
  user = await createActor(null, null, "Importer");
});

describe("POST /api/workspaces/import?format=aif", () => {
  it("imports the demo's AIF: every proposition a claim, every inference and conflict a link", async () => {
    const aif = await exported("aif");
    const result = await call(importWorkspace, { method: "POST", path: "/api/workspaces/import?format=aif&title=SCO%20from%20AIF", headers: user.headers, body: aif });
    expect(result.status).toBe(201);
    expect(result.body.slug).toBe("sco-from-aif");
    const of = (type: string) => aif.nodes.filter((n: { type: string }) => n.type === type).length;
    expect(result.body.counts).toMatchObject({ claims: of("I"), claimLinks: of("RA") + of("CA"), sources: 0 });
    const links = await db().claimLink.groupBy({ by: ["relation"], where: { workspace: { slug: "sco-from-aif" } }, _count: true });
    expect(Object.fromEntries(links.map((l) => [l.relation, l._count]))).toEqual({ SUPPORTS: of("RA"), OPPOSES: of("CA") });
  });

  it("refuses an AIF edge to nowhere with 422 naming it, and writes nothing", async () => {
    const aif = await exported("aif");
    aif.edges.push({ edgeID: "x", fromID: aif.nodes[0].nodeID, toID: "no-such-node" });
    const result = await expectNoWrites(() => call(importWorkspace, { method: "POST", path: "/api/workspaces/import?format=aif", headers: user.headers, body: aif }));
    expect(result.status).toBe(422);
    expect(result.body.error.issues[0].path).toBe(`edges.${aif.edges.length - 1}`);
    const notAif = await expectNoWrites(() => call(importWorkspace, { method: "POST", path: "/api/workspaces/import?format=aif", headers: user.headers, body: { hello: "world" } }));
    expect(notAif.status).toBe(400);
    expect(notAif.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["nodes", "edges"]);
  });
});

describe("POST /api/workspaces/import?format=kialo", () => {
  const KIALO = "Discussion Title: Should the SCO admit more members?\n\n1. The SCO should admit more members.\n1.1. Pro: Enlargement adds weight.\n1.2. Con: Enlargement dilutes consensus.\n1.2.1. Con: Consensus was never strong.\n";

  it("turns the outline into a claim tree with pro and con links", async () => {
    const result = await call(importWorkspace, { method: "POST", path: "/api/workspaces/import?format=kialo", headers: { ...user.headers, "content-type": "text/plain" }, rawBody: KIALO });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ slug: "should-the-sco-admit-more-members", counts: { claims: 4, claimLinks: 3 } });
    const claims = await db().claim.findMany({ where: { workspace: { slug: result.body.slug } }, orderBy: { rank: "asc" }, select: { text: true } });
    expect(claims.map((c) => c.text)).toEqual(["The SCO should admit more members.", "Enlargement adds weight.", "Enlargement dilutes consensus.", "Consensus was never strong."]);
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: result.body.slug }, include: { members: true } });
    expect(workspace.members).toEqual([expect.objectContaining({ userId: user.userId, role: "OWNER" })]);
  });

  it("names the line of a broken outline (422) and writes nothing", async () => {
    const result = await expectNoWrites(() =>
      call(importWorkspace, { method: "POST", path: "/api/workspaces/import?format=kialo", headers: { ...user.headers, "content-type": "text/plain" }, rawBody: "1. Thesis\n1.1 Pro without a dot\n1.3.1. Con: orphan\n" }),
    );
    expect(result.status).toBe(422);
    expect(result.body.error.issues).toContainEqual({ path: "line 3", message: "1.3.1. comes before its parent 1.3." });
  });
});

describe("POST /api/workspaces/:slug/sources/:id/annotations", () => {
  let slug: string;
  let sourceId: string;
  let claimId: string;
  let ecfrText: string;
  let ecfrTarget: string;

  beforeAll(async () => {
    slug = "annotations-onto-source";
    await call(createWorkspace, { method: "POST", headers: user.headers, body: { title: "Annotations", slug, visibility: "PRIVATE" } });
    const ecfr = await db().source.findFirstOrThrow({ where: { workspace: { slug: "sco-debate" }, title: { startsWith: "Rogue NATO" } } });
    ecfrText = ecfr.text;
    ecfrTarget = ecfr.url ?? `http://stancemap.test/w/sco-debate/sources/${ecfr.id}`;
    // The same article with a new opening paragraph: every offset moves, the quotes do not.
    const created = await call(createSource, {
      method: "POST",
      params: { slug },
      headers: user.headers,
      body: { title: "Rogue NATO (reprint)", author: { name: "ECFR" }, published: "2022-09", text: `Editor's note: reprinted.\n\n${ecfr.text}` },
    });
    sourceId = created.body.id;
    claimId = (await call(createClaim, { method: "POST", params: { slug }, headers: user.headers, body: { text: "The SCO is an anti-NATO bloc." } })).body.id;
  });

  it("re-anchors each annotation by its quote, links those naming a claim here, and reports the ones that do not anchor", async () => {
    const collection = await exported("annotations");
    const ecfrItems = collection.first.items.filter((a: { target: { source: string } }) => a.target.source === ecfrTarget);
    expect(ecfrItems.length).toBeGreaterThan(3);
    // One annotation points at this workspace's claim; one quotes text that is not in the article.
    const mine = structuredClone(ecfrItems[0]);
    mine.body = [
      { id: `https://elsewhere.example/w/x/claims/${claimId}`, type: "TextualBody", value: "The SCO is an anti-NATO bloc.", purpose: "linking" },
      { type: "TextualBody", value: "opposes", purpose: "classifying" },
    ];
    const missing = { type: "Annotation", id: "urn:x", target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "words that appear nowhere in the article" }] } };
    const bare = { type: "Annotation", id: "urn:y", target: "https://example.org/no-selector" };
    // Another tool's rendering of the same article: line breaks and straight quotation marks, no position.
    const rendered = structuredClone(ecfrItems[1]);
    const quoteSelector = rendered.target.selector.find((x: { type: string }) => x.type === "TextQuoteSelector");
    quoteSelector.exact = `${quoteSelector.exact.replace(/ /g, "\n").replace(/[’‘]/g, "'")} `;
    rendered.target.selector = [quoteSelector];
    const body = { ...collection, first: { ...collection.first, items: [...ecfrItems, mine, missing, bare, rendered] } };

    const result = await call(importAnnotations, { method: "POST", params: { slug, id: sourceId }, headers: user.headers, body });
    expect(result.status).toBe(201);
    expect(result.body.anchored).toHaveLength(ecfrItems.length + 2);
    const second = ecfrItems[1].target.selector[1];
    expect(result.body.anchored.find((a: { index: number }) => a.index === ecfrItems.length + 3)).toMatchObject({
      start: second.start + "Editor's note: reprinted.\n\n".length,
      end: second.end + "Editor's note: reprinted.\n\n".length,
      anchoring: { method: "normalised", score: 1 },
    });
    expect(result.body.unanchored).toEqual([
      { index: ecfrItems.length + 1, exact: "words that appear nowhere in the article", reason: "the quote is not in this source's text, not even approximately" },
      { index: ecfrItems.length + 2, exact: null, reason: "no TextQuoteSelector with an exact quote" },
    ]);
    const shift = "Editor's note: reprinted.\n\n".length;
    const first = ecfrItems[0].target.selector[1];
    expect(result.body.anchored[0]).toMatchObject({ start: first.start + shift, end: first.end + shift, evidenceId: null, note: expect.stringContaining("not in this workspace") });
    const linked = result.body.anchored.find((a: { index: number }) => a.index === ecfrItems.length);
    expect(linked.evidenceId).toEqual(expect.any(String));
    const evidence = await db().evidence.findUniqueOrThrow({ where: { id: linked.evidenceId } });
    expect(evidence).toMatchObject({ claimId, stance: "OPPOSES", voice: "AUTHOR" });

    // The same annotation again: the passage and its evidence exist, so nothing new is made.
    const before = await countRows();
    const again = await call(importAnnotations, { method: "POST", params: { slug, id: sourceId }, headers: user.headers, body: [mine] });
    expect(again.status).toBe(201);
    expect(again.body.anchored).toEqual([{ index: 0, excerptId: linked.excerptId, start: linked.start, end: linked.end, anchoring: { method: "exact", score: 1 }, claimId, evidenceId: null, note: "already evidence for that claim" }]);
    expect((await countRows()).excerpt).toBe(before.excerpt);
    expect((await countRows()).evidence).toBe(before.evidence);

    const source = (await call(getSource, { params: { slug, id: sourceId }, headers: user.headers })).body;
    for (const x of source.excerpts) expect(source.text.slice(x.start, x.end)).toBe(x.exact);
    expect(ecfrText.length + shift).toBe(source.text.length);
  });

  it("refuses a body that is not an annotation document (400), and outsiders (404), writing nothing", async () => {
    const bad = await expectNoWrites(() => call(importAnnotations, { method: "POST", params: { slug, id: sourceId }, headers: user.headers, body: "just a string" }));
    expect(bad.status).toBe(400);
    const outsider = await createActor(null, null, "Outsider");
    const hidden = await expectNoWrites(() => call(importAnnotations, { method: "POST", params: { slug, id: sourceId }, headers: outsider.headers, body: [] }));
    expect(hidden.status).toBe(404);
  });
});
