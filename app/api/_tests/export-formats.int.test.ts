/**
 * Every export format of the demo workspace, checked by its own ecosystem: Argdown by
 * @argdown/core, AIF by AIF's graph rules, the W3C annotations by a JSON Schema of the model,
 * the CSVs by papaparse — and their numbers against the database.
 */
import { Resvg } from "@resvg/resvg-js";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { aifProblems, annotationProblems, parseArgdown } from "@/lib/export/test/validators";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";

const SLUG = "sco-debate";
let counts: { claims: number; links: number; evidence: number; supportsOrOpposes: number; excerptsCited: number; excerpts: number };
let matrix: { authors: { id: string; shortName: string; published: string }[]; claims: { id: string; text: string; positions: Record<string, { stance: string }> }[] };

async function download(query: string) {
  const response = await exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${SLUG}/export?${query}`), { params: Promise.resolve({ slug: SLUG }) });
  expect(response.status, await response.clone().text().then((t) => t.slice(0, 300))).toBe(200);
  return { response, text: await response.text() };
}

beforeAll(async () => {
  const live = { workspace: { slug: SLUG }, deletedAt: null };
  const evidence = await db().evidence.findMany({ where: { ...live, claim: { deletedAt: null }, excerpt: { deletedAt: null, source: { deletedAt: null } } }, select: { stance: true, excerptId: true } });
  counts = {
    claims: await db().claim.count({ where: live }),
    links: await db().claimLink.count({ where: { ...live, fromClaim: { deletedAt: null }, toClaim: { deletedAt: null } } }),
    evidence: evidence.length,
    supportsOrOpposes: evidence.filter((e) => e.stance !== "QUALIFIES").length,
    excerptsCited: new Set(evidence.map((e) => e.excerptId)).size,
    excerpts: await db().excerpt.count({ where: { ...live, source: { deletedAt: null } } }),
  };
  const response = await getMatrix(new Request(`http://stancemap.test/api/workspaces/${SLUG}/matrix`), { params: Promise.resolve({ slug: SLUG }) });
  matrix = await response.json();
});

describe("exports of the demo workspace", () => {
  it("argdown: @argdown/core parses it with no errors; statements, arguments and relations match the workspace", async () => {
    const { response, text } = await download("format=argdown");
    expect(response.headers.get("content-disposition")).toMatch(/filename="sco-debate-\d{4}-\d{2}-\d{2}\.argdown"/);
    const parsed = parseArgdown(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements).toHaveLength(counts.claims);
    expect(parsed.arguments).toHaveLength(counts.evidence);
    expect(parsed.relations).toHaveLength(counts.links + counts.supportsOrOpposes);
    // Each statement reads as its claim.
    // (A statement referenced before its definition has members without text; the definition has it.)
    const texts = parsed.statements.map((s) => s.members.find((m) => m.text)!.text!.replace(/\s*#\([^)]*\)/g, "").trim());
    expect(texts.sort()).toEqual(matrix.claims.map((c) => c.text).sort());
  });

  it("aif: passes AIF's graph rules, with an I-node per claim and cited excerpt and a scheme node per relation", async () => {
    const { response, text } = await download("format=aif");
    expect(response.headers.get("content-type")).toContain("application/json");
    const aif = JSON.parse(text);
    expect(aifProblems(aif)).toEqual([]);
    const of = (type: string) => aif.nodes.filter((n: { type: string }) => n.type === type).length;
    expect(of("I")).toBe(counts.claims + counts.excerptsCited);
    expect(of("L")).toBe(counts.excerptsCited);
    expect(of("YA")).toBe(counts.excerptsCited);
    expect(of("RA") + of("CA")).toBe(counts.evidence + counts.links);
    expect(aif.participants).toHaveLength(5);
  });

  it("annotations: a valid W3C AnnotationCollection with both selectors for every excerpt", async () => {
    const { response, text } = await download("format=annotations");
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    const collection = JSON.parse(text);
    expect(annotationProblems(collection)).toEqual([]);
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.total).toBe(counts.evidence + (counts.excerpts - counts.excerptsCited));
    for (const item of collection.first.items) {
      expect(item.target.selector.map((s: { type: string }) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
      expect(item.id).toMatch(/^http:\/\/stancemap\.test\/w\/sco-debate\/annotations\//);
    }
  });

  it("csv: the matrix and the evidence table parse back into the right shape", async () => {
    const table = await download("format=csv");
    expect(table.response.headers.get("content-type")).toContain("text/csv");
    const rows = Papa.parse<string[]>(table.text.trimEnd(), { newline: "\r\n" });
    expect(rows.errors).toEqual([]);
    expect(rows.data[0]).toEqual(["Claim", "Tags", ...matrix.authors.map((a) => `${a.shortName} (${a.published.slice(0, 4)})`)]);
    expect(rows.data).toHaveLength(counts.claims + 1);
    const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();
    matrix.claims.forEach((claim, i) => {
      expect(rows.data[i + 1][0]).toBe(claim.text);
      expect(rows.data[i + 1].slice(2).map((cell) => cell.replace(" (set by hand)", ""))).toEqual(matrix.authors.map((a) => label(claim.positions[a.id].stance)));
    });

    const response = await exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${SLUG}/export?format=csv&table=evidence&bom=1`), { params: Promise.resolve({ slug: SLUG }) });
    expect(response.headers.get("content-disposition")).toContain("sco-debate-evidence-");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const links = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
    expect(links.errors).toEqual([]);
    expect(links.data).toHaveLength(counts.evidence);
    expect(links.meta.fields).toEqual(["Claim", "Author", "Source", "Published", "Stance", "Voice", "Quote", "Start", "End", "Note", "Page"]);
  });

  it("markdown: a handout with every claim, every author and citations", async () => {
    const { response, text } = await download("format=markdown");
    expect(response.headers.get("content-type")).toContain("text/markdown");
    expect(text.split("\n").filter((l) => /^## \d+\\\. /.test(l))).toHaveLength(counts.claims);
    for (const author of matrix.authors) expect(text).toContain(author.shortName);
    expect(text).toContain("“Rogue NATO");
  });

  it("refuses unknown options with 400", async () => {
    for (const query of ["format=csv&table=claims", "format=csv&bom=maybe", "format=pptx", ""]) {
      const response = await exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${SLUG}/export?${query}`), { params: Promise.resolve({ slug: SLUG }) });
      expect(response.status, query).toBe(400);
    }
  });
});

describe("pictures and the printable handout", () => {
  async function bytes(query: string) {
    const response = await exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${SLUG}/export?${query}`), { params: Promise.resolve({ slug: SLUG }) });
    expect(response.status).toBe(200);
    return { response, data: Buffer.from(await response.arrayBuffer()) };
  }

  it("svg: the matrix with every author and claim", async () => {
    const { response, data } = await bytes("format=svg&view=matrix");
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(response.headers.get("content-disposition")).toMatch(/sco-debate-matrix-[\d-]+\.svg/);
    const svg = data.toString("utf8");
    for (const author of matrix.authors) expect(svg).toContain(`>${author.shortName}<`);
    expect(svg.match(/>(✓ Supports|× Opposes|~ Qualifies|± Mixed|○ Silent)</g)).toHaveLength(matrix.claims.length * matrix.authors.length);
  });

  it("png: a real PNG of the matrix, wide enough for five columns", async () => {
    const { response, data } = await bytes("format=png");
    expect(response.headers.get("content-type")).toBe("image/png");
    expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height at bytes 16–23 (drawn at twice the SVG's size).
    expect(data.readUInt32BE(16)).toBe(2 * (24 * 2 + 360 + matrix.authors.length * 150));
    expect(data.readUInt32BE(20)).toBeGreaterThan(1000);
  });

  it("pdf: a handout with a page per claim after the title page, in A4 or Letter", async () => {
    const a4 = (await bytes("format=pdf&paper=a4")).data.toString("latin1");
    expect(a4.startsWith("%PDF-")).toBe(true);
    expect(a4.match(/\/Type \/Page\n/g)?.length).toBeGreaterThanOrEqual(matrix.claims.length + 1);
    expect(a4).toContain("/MediaBox [0 0 595.28 841.89]");
    const letter = await bytes("format=pdf&paper=letter");
    expect(letter.response.headers.get("content-disposition")).toMatch(/sco-debate-handout-letter-[\d-]+\.pdf/);
    expect(letter.data.toString("latin1")).toContain("/MediaBox [0 0 612 792]");
  });
});

describe("the argument graph as a picture", () => {
  async function get(query: string) {
    return exportWorkspace(new Request(`http://stancemap.test/api/workspaces/${SLUG}/export?${query}`), { params: Promise.resolve({ slug: SLUG }) });
  }
  const claimCards = (svg: string) => svg.match(/<g class="claim"/g)?.length ?? 0;

  it("svg: every claim as a card, an edge per evidence link and claim link, in a well-formed picture", async () => {
    const response = await get("format=svg&view=graph");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(response.headers.get("content-disposition")).toMatch(/filename="sco-debate-graph-\d{4}-\d{2}-\d{2}\.svg"/);
    const svg = await response.text();
    // resvg's XML parser is strict: this throws on anything malformed.
    expect(new Resvg(svg, { font: { loadSystemFonts: false } }).width).toBeGreaterThan(1000);
    expect(claimCards(svg)).toBe(counts.claims);
    expect(svg.match(/<g class="excerpt"/g)).toHaveLength(counts.excerptsCited);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(counts.evidence + counts.links);
    for (const author of matrix.authors) expect(svg).toContain(`>${author.shortName}</text>`);
  });

  it("png: a real PNG of the graph, named for the graph", async () => {
    const response = await get("format=png&view=graph");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(/filename="sco-debate-graph-\d{4}-\d{2}-\d{2}\.png"/);
    const data = Buffer.from(await response.arrayBuffer());
    expect([...data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [width, height] = [data.readUInt32BE(16), data.readUInt32BE(20)];
    expect(width).toBeGreaterThan(2000);
    expect(Math.max(width, height)).toBeLessThanOrEqual(8000);
  });

  it("draws a claim with the claims linked to it, or the claims of a tag, as the page's ?claim= and ?tag= do", async () => {
    const claim = await db().claim.findFirstOrThrow({ where: { workspace: { slug: SLUG }, deletedAt: null, text: "The SCO is an anti-NATO bloc." } });
    const links = await db().claimLink.findMany({ where: { deletedAt: null, OR: [{ fromClaimId: claim.id }, { toClaimId: claim.id }], fromClaim: { deletedAt: null }, toClaim: { deletedAt: null } } });
    const near = new Set([claim.id, ...links.flatMap((l) => [l.fromClaimId, l.toClaimId])]);
    const focused = await get(`format=svg&view=graph&claim=${claim.id}`);
    expect(focused.status).toBe(200);
    const svg = await focused.text();
    expect(claimCards(svg)).toBe(near.size);
    expect(claimCards(svg)).toBeLessThan(counts.claims);
    expect(svg).toContain(`data-claim-id="${claim.id}"`);
    expect(svg).toContain("Showing “The SCO is an anti-NATO bloc.” and the claims linked to it:");

    const tagged = await db().claim.findMany({ where: { workspace: { slug: SLUG }, deletedAt: null }, select: { tags: true } });
    const tag = tagged.flatMap((c) => c.tags)[0];
    const byTag = await get(`format=png&view=graph&tag=${encodeURIComponent(tag)}`);
    expect(byTag.status).toBe(200);
    const tagSvg = await (await get(`format=svg&view=graph&tag=${encodeURIComponent(tag)}`)).text();
    expect(claimCards(tagSvg)).toBe(tagged.filter((c) => c.tags.includes(tag)).length);
    expect(tagSvg).toContain(`Showing the claims tagged #${tag}:`);
  });

  it("answers 404 for a claim or a tag not in the map, and 400 for a view it cannot draw or a misplaced option, each with a clear message", async () => {
    const unknownClaim = await get("format=svg&view=graph&claim=00000000-0000-4000-8000-000000000000");
    expect(unknownClaim.status).toBe(404);
    expect((await unknownClaim.json()).error).toEqual({ code: "NOT_FOUND", message: "No claim with that id is in this workspace (it may have been deleted)." });
    const unknownTag = await get("format=png&view=graph&tag=no-such-tag");
    expect(unknownTag.status).toBe(404);
    expect((await unknownTag.json()).error.message).toBe("No claim in this workspace is tagged #no-such-tag.");

    const view = await get("format=svg&view=timeline");
    expect(view.status).toBe(400);
    const body = await view.json();
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.issues).toEqual([{ path: "view", message: "view must be matrix or graph" }]);
    expect(body.error.message).toContain("view must be matrix or graph");

    const malformed = await get("format=svg&view=graph&claim=42");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.issues[0].path).toBe("claim");
    const misplaced = await get(`format=svg&view=matrix&tag=security`);
    expect(misplaced.status).toBe(400);
    expect((await misplaced.json()).error.issues).toEqual([{ path: "tag", message: "tag chooses part of the graph picture: use it with format=svg or png and view=graph" }]);
  });
});
