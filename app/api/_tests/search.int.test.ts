/**
 * The search API against a real PostgreSQL seeded with the demo: full-text search over claims,
 * excerpts, source passages and sources, the trigram fallback for typos, validation, access, and
 * that soft-deleted things are never found while new sources are found at once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { GET as search } from "../workspaces/[slug]/search/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { DELETE as deleteClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { DELETE as deleteExcerpt } from "../workspaces/[slug]/excerpts/[id]/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { POST as createWorkspace } from "../workspaces/route";

const SLUG = "sco-debate";
/** A workspace of these tests' own for the sources they add: the demo keeps its five authors. */
let LAB: string;
let editor: TActor;
let outsider: TActor;

interface TMarked {
  text: string;
  marks: { start: number; end: number }[];
}

/** The words a result marks, lower-cased. */
const marked = ({ text, marks }: TMarked) => marks.map((m) => text.slice(m.start, m.end).toLowerCase());

const find = (q: string, options: { slug?: string; kind?: string; limit?: string; headers?: Record<string, string> } = {}) => {
  const slug = options.slug ?? SLUG;
  const query = new URLSearchParams({ q, ...(options.kind ? { kind: options.kind } : {}), ...(options.limit ? { limit: options.limit } : {}) });
  return call(search, { path: `/api/workspaces/${slug}/search?${query}`, params: { slug }, headers: options.headers });
};

beforeAll(async () => {
  editor = await createActor(SLUG, "EDITOR", "Search editor");
  outsider = await createActor(null, null, "Search outsider");
  const lab = await call(createWorkspace, { method: "POST", body: { title: "Search lab", visibility: "PUBLIC" }, headers: editor.headers });
  expect(lab.status).toBe(201);
  LAB = lab.body.slug;
});

describe("GET /api/workspaces/:slug/search", () => {
  it("finds The Diplomat's “talk shop” passage, with its offsets in the source and the words marked", async () => {
    const { status, body } = await find("talk shop");
    expect(status).toBe(200);
    expect(body.q).toBe("talk shop");
    expect(body.passages.match).toBe("words");
    const hit = body.passages.items.find((p: { author: { shortName: string } }) => p.author.shortName === "The Diplomat");
    expect(hit).toBeDefined();
    const source = await db().source.findUniqueOrThrow({ where: { id: hit.source.id } });
    expect(source.title).toBe(hit.source.title);
    const passage = source.text.slice(hit.start, hit.end);
    expect(passage).toContain("a Eurasian “talk shop.”");
    // The fragment is a piece of the passage, and its marks sit on the words searched for.
    expect(passage.slice(hit.fragment.offset, hit.fragment.offset + hit.fragment.text.length)).toBe(hit.fragment.text);
    expect(marked(hit.fragment)).toEqual(["talk", "shop"]);
    expect(hit.fragment.text.slice(hit.fragment.marks[0].start - 1, hit.fragment.marks[1].end + 1)).toBe("“talk shop.");
  });

  it("finds the excerpt quoting the phrase with the claims it backs, and the claim itself", async () => {
    const { body } = await find("talk shop");
    const excerpt = body.excerpts.items.find((x: { author: { shortName: string } }) => x.author.shortName === "The Diplomat");
    expect(excerpt.fragment.text).toContain("“talk shop.”");
    expect(marked(excerpt.fragment)).toEqual(["talk", "shop"]);
    const stored = await db().excerpt.findUniqueOrThrow({ where: { id: excerpt.id }, include: { evidence: { where: { deletedAt: null }, include: { claim: true } } } });
    expect(excerpt.claims.map((c: { id: string }) => c.id).sort()).toEqual(stored.evidence.filter((e) => !e.claim.deletedAt).map((e) => e.claimId).sort());
    expect(excerpt.claims.length).toBeGreaterThan(0);
    const claim = body.claims.items.find((c: { text: string }) => c.text.startsWith("The SCO is a talk shop"));
    expect(marked(claim)).toEqual(["talk", "shop"]);
  });

  it("understands web-search syntax: a quoted phrase must appear in that order, -word excludes", async () => {
    const phrase = await find('"talk shop"', { kind: "passages" });
    expect(phrase.body.passages.items.length).toBeGreaterThan(0);
    const reversed = await find('"shop talk"', { kind: "passages" });
    expect(reversed.body.passages.match).toBe("words");
    expect(reversed.body.passages.items).toEqual([]);
    const excluded = await find("talk shop -Eurasian", { kind: "passages" });
    expect(excluded.body.passages.items.some((p: { fragment: TMarked }) => /Eurasian/.test(p.fragment.text))).toBe(false);
  });

  it("finds Nurimbetov's source from a misspelt “Nurimbetof”, by similarity, with his name marked", async () => {
    const { status, body } = await find("Nurimbetof");
    expect(status).toBe(200);
    expect(body.sources.match).toBe("similar");
    const [first] = body.sources.items;
    expect(first.author.shortName).toBe("Nurimbetov");
    expect(first.title).toBe("The Shanghai Cooperation Organization Turns 20 Years: Its Contribution to the Stability in Central Asia");
    expect(marked({ text: first.author.name, marks: first.author.marks })).toEqual(["nurimbetov"]);
    // Passages: the word is corrected against the workspace's words, then searched for.
    expect(body.passages.match).toBe("similar");
    expect(body.passages.corrected).toBe("nurimbetov");
    expect(body.passages.items.every((p: { author: { shortName: string } }) => p.author.shortName === "Nurimbetov")).toBe(true);
  });

  it("finds claims despite typos: words corrected against the sources' words, or one word by similarity", async () => {
    const corrected = await find("Kazakstan balancing", { kind: "claims" });
    expect(corrected.body.claims).toMatchObject({ match: "similar", corrected: "kazakhstan balancing" });
    const claim = corrected.body.claims.items.find((c: { text: string }) => c.text.startsWith("Kazakhstan successfully balances"));
    expect(marked(claim)).toEqual(["kazakhstan", "balances"]);

    // A word no source uses, misspelt: compared with the claims' own words.
    const created = await call(createClaim, { method: "POST", params: { slug: LAB }, body: { text: "Zanzibarian tariffs decide little." }, headers: editor.headers });
    expect(created.status).toBe(201);
    const similar = await find("Zanzibarean", { slug: LAB, kind: "claims" });
    expect(similar.body.claims.match).toBe("similar");
    expect(similar.body.claims.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect(marked(similar.body.claims.items[0])).toEqual(["zanzibarian"]);
  });

  it("finds sources by title words and by author name as written", async () => {
    const { body } = await find("Harding", { kind: "sources" });
    expect(body.sources.match).toBe("words");
    expect(body.sources.items.map((s: { author: { shortName: string } }) => s.author.shortName)).toEqual(["Harding"]);
    expect(marked({ text: body.sources.items[0].author.name, marks: body.sources.items[0].author.marks })).toEqual(["harding"]);
    const byTitle = await find("sick man", { kind: "sources" });
    expect(marked({ text: byTitle.body.sources.items[0].title, marks: byTitle.body.sources.items[0].titleMarks })).toEqual(["sick", "man"]);
  });

  it("returns only the asked-for kind, at most `limit` per group, ranked", async () => {
    const { body } = await find("SCO", { kind: "passages", limit: "3" });
    expect(Object.keys(body).sort()).toEqual(["passages", "q"]);
    expect(body.passages.items).toHaveLength(3);
    expect(body.passages.total).toBeGreaterThan(3);
    const ranks = body.passages.items.map((p: { rank: number }) => p.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it("answers 400 with a clear message for a blank, missing or too long query and for bad options", async () => {
    const blank = await find("   ");
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe("BAD_REQUEST");
    expect(blank.body.error.message).toMatch(/q: Type a word or phrase to search for/);
    expect(blank.body.error.issues).toEqual([{ path: "q", message: expect.stringContaining("must not be blank") }]);
    const missing = await call(search, { path: `/api/workspaces/${SLUG}/search`, params: { slug: SLUG } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe("q");
    expect((await find("x".repeat(201))).status).toBe(400);
    const kind = await find("sco", { kind: "everything" });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/kind must be one of claims, excerpts, passages, sources/);
    expect((await find("sco", { limit: "0" })).status).toBe(400);
    expect((await find("sco", { limit: "51" })).status).toBe(400);
  });

  it("hides a private workspace from outsiders (404) and searches it for members", async () => {
    const owner = await createActor(null, null, "Private owner");
    const created = await call(createWorkspace, { method: "POST", body: { title: "Quiet seminar", visibility: "PRIVATE" }, headers: owner.headers });
    expect(created.status).toBe(201);
    const slug = created.body.slug as string;
    const source = await call(createSource, {
      method: "POST",
      params: { slug },
      body: { title: "Closed notes", author: { name: "Ada Hidden" }, published: "2020", text: "Only members may read about the zyxquorum doctrine." },
      headers: owner.headers,
    });
    expect(source.status).toBe(201);
    expect((await find("zyxquorum", { slug, headers: outsider.headers })).status).toBe(404);
    const anonymous = await find("zyxquorum", { slug });
    expect(anonymous).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "Workspace was not found." } } });
    const member = await find("zyxquorum", { slug, headers: owner.headers });
    expect(member.status).toBe(200);
    expect(member.body.passages.items).toHaveLength(1);
    // Another workspace's texts are never found from the demo.
    expect((await find("zyxquorum", { kind: "passages" })).body.passages.items).toEqual([]);
  });

  it("finds a source created through the API at once, with exact offsets even after emoji", async () => {
    const text = "Field notes 🌍 from Tashkent.\n\nThe 🌏 delegates agreed on the glimmerwick protocol after long talks. It was signed at dawn.";
    const created = await call(createSource, {
      method: "POST",
      params: { slug: LAB },
      body: { title: "Glimmerwick diary", author: { name: "Nodira Fresh" }, published: "2025-01-15", text },
      headers: editor.headers,
    });
    expect(created.status).toBe(201);
    const { body } = await find("glimmerwick protocol", { slug: LAB });
    const [hit] = body.passages.items;
    expect(hit.source.id).toBe(created.body.id);
    expect(text.slice(hit.start, hit.end)).toBe("The 🌏 delegates agreed on the glimmerwick protocol after long talks. It was signed at dawn.");
    expect(marked(hit.fragment)).toEqual(["glimmerwick", "protocol"]);
    // Sources match on their title and author: the title has only one of the two words.
    expect(body.sources.items).toEqual([]);
    const byTitle = await find("glimmerwick", { slug: LAB, kind: "sources" });
    expect(byTitle.body.sources.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
    expect(marked({ text: byTitle.body.sources.items[0].title, marks: byTitle.body.sources.items[0].titleMarks })).toEqual(["glimmerwick"]);
  });

  it("never finds soft-deleted claims, excerpts or sources", async () => {
    const claim = await call(createClaim, { method: "POST", params: { slug: LAB }, body: { text: "Quillfeather diplomacy shapes the summit." }, headers: editor.headers });
    expect((await find("quillfeather", { slug: LAB, kind: "claims" })).body.claims.items.map((c: { id: string }) => c.id)).toEqual([claim.body.id]);

    const sourceText = "Before the summit the envoys studied the brambleton memorandum in detail.\n\nAfterwards nobody mentioned it.";
    const source = await call(createSource, {
      method: "POST",
      params: { slug: LAB },
      body: { title: "Brambleton papers", author: { name: "Nodira Fresh" }, published: "2025-02", text: sourceText },
      headers: editor.headers,
    });
    const start = sourceText.indexOf("the brambleton memorandum");
    const selector = { start, end: start + "the brambleton memorandum".length, exact: "the brambleton memorandum" };
    const excerpt = await call(createExcerpt, {
      method: "POST",
      params: { slug: LAB },
      body: { sourceId: source.body.id, selector, evidence: [{ claimId: claim.body.id, stance: "SUPPORTS", voice: "AUTHOR" }] },
      headers: editor.headers,
    });
    expect(excerpt.status).toBe(201);
    const before = await find("brambleton", { slug: LAB });
    expect(before.body.excerpts.items.map((x: { id: string }) => x.id)).toEqual([excerpt.body.id]);
    expect(before.body.excerpts.items[0].claims).toEqual([{ id: claim.body.id, text: "Quillfeather diplomacy shapes the summit.", stance: "SUPPORTS", voice: "AUTHOR" }]);

    // A deleted claim is no longer found, nor listed as backed by the excerpt.
    expect((await call(deleteClaim, { method: "DELETE", params: { slug: LAB, id: claim.body.id }, body: { version: claim.body.version }, headers: editor.headers })).status).toBe(200);
    expect((await find("quillfeather", { slug: LAB, kind: "claims" })).body.claims.items).toEqual([]);
    expect((await find("brambleton", { slug: LAB, kind: "excerpts" })).body.excerpts.items[0].claims).toEqual([]);

    expect((await call(deleteExcerpt, { method: "DELETE", params: { slug: LAB, id: excerpt.body.id }, body: { version: excerpt.body.version }, headers: editor.headers })).status).toBe(200);
    expect((await find("brambleton", { slug: LAB, kind: "excerpts" })).body.excerpts.items).toEqual([]);

    await db().source.update({ where: { id: source.body.id }, data: { deletedAt: new Date() } });
    const after = await find("brambleton", { slug: LAB });
    expect(after.body.passages.items).toEqual([]);
    expect(after.body.sources.items).toEqual([]);
    // Not even by similarity: the typo finds nothing either.
    expect((await find("bramblton", { slug: LAB })).body.passages.items).toEqual([]);
  });
});
