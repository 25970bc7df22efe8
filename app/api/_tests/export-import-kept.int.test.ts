/**
 * What the native document keeps besides live rows, against a real PostgreSQL: a Markdown
 * source's format, how each excerpt was placed (verbatim, normalised, approximately with a score),
 * and an excerpt orphaned by a revision of its source's text, with its evidence and its comment.
 * Exported and imported, the copy has the same formats, placements and orphan, and the same
 * positions (the orphan counts in none); every other export still leaves the orphan out; a
 * document with a malformed anchoring or orphan is refused with its problems and writes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, createOwnerOf, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import type { TNativeDocument } from "@/lib/schemas/native-document";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { POST as createComment } from "../workspaces/[slug]/comments/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";
import { GET as gaps } from "../workspaces/[slug]/gaps/route";
import { GET as matrix } from "../workspaces/[slug]/matrix/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { GET as getSource, PATCH as patchSource } from "../workspaces/[slug]/sources/[id]/route";
import { POST as importWorkspace } from "../workspaces/import/route";

const SLUG = "kept-in-native";
const params = { slug: SLUG };

const OUTLOOK = "Its enlargement to India and Pakistan has made consensus harder to reach than ever before.";
const MARKDOWN = [
  "# The SCO after twenty years",
  'The Shanghai Cooperation Organisation is *not* an alliance: its members have never agreed to defend one another.',
  'It remains, above all, a "forum" where China and Russia manage their rivalry in Central Asia.',
  "Critics call it a talk shop whose summits produce declarations and little else.",
  "## Outlook",
  OUTLOOK,
  "",
].join("\n\n");
/** The revision: the outlook paragraph (and its heading) gone, one word changed in a quoted sentence. */
const REVISED = MARKDOWN.replace(`## Outlook\n\n${OUTLOOK}\n\n`, "").replace("declarations and little else", "communiqués and little else");

let owner: TActor;
let importer: TActor;
let workspaceId: string;
let markdownId: string;
let first: TNativeDocument;
let imported: { slug: string; counts: Record<string, number> };
const claims: Record<"alliance" | "forum" | "enlargement", string> = { alliance: "", forum: "", enlargement: "" };

async function exportAs(slug: string, query: string, actor: TActor) {
  const response = await exportWorkspace(new Request(`http://localhost/api/workspaces/${slug}/export?${query}`, { headers: actor.headers }), { params: Promise.resolve({ slug }) });
  expect(response.status).toBe(200);
  return response.text();
}
const exportJson = async (slug: string, actor: TActor) => JSON.parse(await exportAs(slug, "format=json&comments=1", actor)) as TNativeDocument;
const orphanOf = (doc: TNativeDocument) => doc.excerpts.find((x) => x.orphaned)!;
const importDoc = (body: unknown) => call(importWorkspace, { method: "POST", path: "/api/workspaces/import", headers: importer.headers, body });

/** Every id replaced by its list and place ("excerpts#3"), and what an import renews dropped. */
function normalise(doc: TNativeDocument) {
  const names = new Map<string, string>();
  for (const list of ["authors", "sources", "claims", "claimLinks", "excerpts", "evidence", "comments"] as const) (doc[list] ?? []).forEach((row, i) => names.set(row.id, `${list}#${i}`));
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, (k === "id" || k.endsWith("Id")) && typeof v === "string" ? names.get(v) ?? `unknown:${v}` : rename(v)]));
    return value;
  };
  const { exportedAt: _at, workspace, ...rest } = doc;
  return { ...(rename(rest) as object), workspace: { ...workspace, slug: "(slug)" } };
}

const stances = async (slug: string, actor: TActor) =>
  (await call(matrix, { params: { slug }, headers: actor.headers })).body.claims.map((c: { text: string; positions: Record<string, { stance: string; evidenceCount: number }> }) => ({
    claim: c.text,
    positions: Object.values(c.positions).map((p) => [p.stance, p.evidenceCount]),
  }));

beforeAll(async () => {
  ({ owner, workspaceId } = await createOwnerOf(SLUG, "Kept in the native document"));
  importer = await createActor(null, null, "Importer");
  const claim = async (text: string) => {
    const created = await call(createClaim, { method: "POST", params, body: { text }, headers: owner.headers });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  claims.alliance = await claim("The SCO is an alliance.");
  claims.forum = await claim("The SCO is a forum for managing rivalry.");
  claims.enlargement = await claim("Enlargement has weakened the SCO.");
  const source = async (body: Record<string, unknown>) => {
    const created = await call(createSource, { method: "POST", params, body: { author: { name: "Ann Analyst" }, published: "2021-06", ...body }, headers: owner.headers });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  markdownId = await source({ title: "Twenty years", text: MARKDOWN, format: "markdown" });
  const plainId = await source({ title: "A plain note", text: "The SCO does not oblige its members to defend one another in any way.", published: "2022" });
  const cite = async (sourceId: string, exact: string, claimId: string, stance: string) => {
    const created = await call(createExcerpt, { method: "POST", params, body: { sourceId, selector: { exact }, evidence: [{ claimId, stance, voice: "AUTHOR" }] }, headers: owner.headers });
    expect(created.status).toBe(201);
    return created.body as { id: string; anchoring: { method: string; score: number } };
  };
  await cite(plainId, "does not oblige its members to defend one another", claims.alliance, "OPPOSES");
  const orphan = await cite(markdownId, OUTLOOK, claims.enlargement, "SUPPORTS");
  const talkShop = await cite(markdownId, "Critics call it a talk shop whose summits produce declarations and little else.", claims.forum, "QUALIFIES");
  expect(talkShop.anchoring).toEqual({ method: "exact", score: 1 });
  const comment = await call(createComment, { method: "POST", params, body: { target: { type: "excerpt", id: orphan.id }, body: "Is this still in the article?" }, headers: owner.headers });
  expect(comment.status).toBe(201);

  // The revision drops the quoted outlook paragraph (an orphan) and changes a word of a quote (placed approximately).
  const current = (await call(getSource, { params: { ...params, id: markdownId }, headers: owner.headers })).body;
  const revised = await call(patchSource, { method: "PATCH", params: { ...params, id: markdownId }, body: { version: current.version, text: REVISED }, headers: owner.headers });
  expect(revised.status).toBe(200);
  expect(revised.body.reanchored.orphaned).toEqual([{ excerptId: orphan.id, exact: OUTLOOK }]);
  expect(revised.body.reanchored.fuzzy.map((f: { excerptId: string }) => f.excerptId)).toEqual([talkShop.id]);

  // Quotes copied from elsewhere: typographic quotation marks (normalised), and a typo (approximate).
  expect((await cite(markdownId, "a “forum” where China and Russia manage their rivalry", claims.forum, "SUPPORTS")).anchoring).toEqual({ method: "normalised", score: 1 });
  const typo = await cite(markdownId, "its members have never agred to defend one another", claims.alliance, "OPPOSES");
  expect(typo.anchoring.method).toBe("fuzzy");
  expect(typo.anchoring.score).toBeLessThan(1);

  first = await exportJson(SLUG, owner);
  const answer = await importDoc(first);
  expect(answer.status).toBe(201);
  imported = answer.body;
});

describe("the native document keeps what is not a live row", () => {
  it("carries the source's format, each excerpt's placement, and the orphan with its reason, evidence and comment", () => {
    const markdown = first.sources.find((s) => s.title === "Twenty years")!;
    expect(markdown.format).toBe("markdown");
    expect(markdown.text).toBe(REVISED);
    expect(first.sources.find((s) => s.title === "A plain note")).not.toHaveProperty("format");

    const byQuote = (start: string) => first.excerpts.find((x) => x.exact.startsWith(start))!;
    expect(byQuote("does not oblige")).not.toHaveProperty("anchoring");
    expect(byQuote("a \"forum\"").anchoring).toEqual({ method: "normalised", score: 1 });
    expect(byQuote("its members have never agreed").anchoring).toMatchObject({ method: "fuzzy", score: expect.any(Number) });
    expect(byQuote("Critics call it").anchoring).toMatchObject({ method: "fuzzy" });
    expect(byQuote("Critics call it").exact).toContain("communiqués");

    const orphan = byQuote("Its enlargement");
    // Kept as stored: the quote and its offsets into the text it was made on, which the revision dropped.
    expect(orphan).toMatchObject({ exact: OUTLOOK, start: MARKDOWN.indexOf(OUTLOOK), end: MARKDOWN.indexOf(OUTLOOK) + OUTLOOK.length, orphaned: { reason: expect.any(String) } });
    expect(orphan).not.toHaveProperty("anchoring");
    expect(REVISED).not.toContain("Pakistan");
    // A source's placed excerpts first, its orphan after them.
    expect(first.excerpts.filter((x) => x.sourceId === markdown.id).at(-1)).toBe(orphan);
    expect(first.evidence.filter((e) => e.excerptId === orphan.id)).toEqual([expect.objectContaining({ claimId: first.claims[2].id, stance: "SUPPORTS", voice: "AUTHOR" })]);
    expect(first.comments).toEqual([expect.objectContaining({ target: { type: "excerpt", id: orphan.id }, body: "Is this still in the article?" })]);
    expect(first.excerpts).toHaveLength(5);
    expect(first.evidence).toHaveLength(5);
  });

  it("imports them back: the same document, the same formats, placements, orphan and positions", async () => {
    expect(imported.counts).toMatchObject({ sources: 2, excerpts: 5, evidence: 5, comments: 1 });
    const second = await exportJson(imported.slug, importer);
    expect(normalise(second)).toEqual(normalise(first));

    const copy = await db().workspace.findUniqueOrThrow({ where: { slug: imported.slug }, select: { id: true } });
    const sources = await db().source.findMany({ where: { workspaceId: copy.id }, select: { title: true, format: true }, orderBy: { title: "asc" } });
    expect(sources).toEqual([
      { title: "A plain note", format: "text" },
      { title: "Twenty years", format: "markdown" },
    ]);
    const placement = async (id: string) =>
      (await db().excerpt.findMany({ where: { workspaceId: id }, select: { exact: true, anchorMethod: true, anchorScore: true, orphanReason: true, revisionId: true, orphanedAt: true }, orderBy: { exact: "asc" } })).map(
        ({ orphanedAt, revisionId, ...x }) => ({ ...x, orphaned: orphanedAt !== null, revision: revisionId !== null }),
      );
    const originals = await placement(workspaceId);
    // The original orphan belongs to the revision it was made on; the copy has no revisions.
    expect(originals.filter((x) => x.orphaned)).toEqual([expect.objectContaining({ exact: OUTLOOK, revision: true })]);
    expect(await placement(copy.id)).toEqual(originals.map((x) => ({ ...x, revision: false })));
    expect(await db().evidence.count({ where: { workspaceId: copy.id, excerpt: { exact: OUTLOOK }, deletedAt: null } })).toBe(1);

    // The orphan counts in no position, here or there: Ann says nothing on enlargement.
    const positions = await stances(imported.slug, importer);
    expect(positions).toEqual(await stances(SLUG, owner));
    expect(positions.find((p: { claim: string }) => p.claim === "Enlargement has weakened the SCO.").positions).toEqual([["SILENT", 0]]);

    // The copy lists it for re-attaching, with its reason and evidence, and its reader marks the approximate placements.
    const listed = (await call(gaps, { params: { slug: imported.slug }, headers: importer.headers })).body.orphanedExcerpts.items;
    expect(listed).toEqual([expect.objectContaining({ exact: OUTLOOK, reason: orphanOf(first).orphaned!.reason, evidenceCount: 1 })]);
    const markdown = await db().source.findFirstOrThrow({ where: { workspaceId: copy.id, title: "Twenty years" }, select: { id: true } });
    const page = (await call(getSource, { params: { slug: imported.slug, id: markdown.id }, headers: importer.headers })).body;
    expect(page.format).toBe("markdown");
    const typo = page.excerpts.find((x: { exact: string }) => x.exact.startsWith("its members have never agreed"));
    expect(typo.anchoring).toEqual(first.excerpts.find((x) => x.exact === typo.exact)!.anchoring);
    expect(page.excerpts.find((x: { exact: string }) => x.exact === OUTLOOK)).toMatchObject({ orphaned: true, reason: listed[0].reason });
  });

  it("still reads a document without the new fields: plain text, placed verbatim, nothing orphaned", async () => {
    const older = {
      ...first,
      sources: first.sources.map(({ format: _format, ...s }) => s),
      excerpts: first.excerpts.filter((x) => !x.orphaned).map(({ anchoring: _anchoring, ...x }) => x),
      evidence: first.evidence.filter((e) => e.excerptId !== orphanOf(first).id),
      comments: undefined,
    };
    const answer = await importDoc(older);
    expect(answer.status).toBe(201);
    const copy = await db().workspace.findUniqueOrThrow({ where: { slug: answer.body.slug }, select: { id: true } });
    expect(await db().source.count({ where: { workspaceId: copy.id, format: "text" } })).toBe(2);
    const excerpts = await db().excerpt.findMany({ where: { workspaceId: copy.id }, select: { anchorMethod: true, anchorScore: true, orphanedAt: true } });
    expect(excerpts).toHaveLength(4);
    expect(excerpts.every((x) => x.anchorMethod === "exact" && x.anchorScore === 1 && x.orphanedAt === null)).toBe(true);
  });

  it("leaves the orphan out of every other export", async () => {
    const orphanWord = "Pakistan";
    const placedWord = "communiqués";
    for (const query of ["format=csv&table=evidence", "format=aif", "format=argdown", "format=annotations", "format=markdown"]) {
      const text = await exportAs(SLUG, query, owner);
      expect(text, query).toContain(placedWord);
      expect(text, query).not.toContain(orphanWord);
    }
  });
});

describe("a document with a malformed anchoring or orphan", () => {
  const orphanAt = () => first.excerpts.findIndex((x) => x.orphaned);
  const withExcerpt = (i: number, change: Record<string, unknown>) => ({ ...first, excerpts: first.excerpts.map((x, j) => (j === i ? { ...x, ...change } : x)) });

  it("is refused with 400 naming each malformed field, and writes nothing", async () => {
    const i = orphanAt();
    const answer = await expectNoWrites(() => importDoc(withExcerpt(i, { orphaned: { reason: "" }, anchoring: { method: "guessed", score: 2 } })));
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues).toEqual(
      expect.arrayContaining([
        { path: `excerpts.${i}.orphaned.reason`, message: "orphaned.reason must not be empty" },
        { path: `excerpts.${i}.anchoring.method`, message: 'anchoring.method must be "exact", "normalised" or "fuzzy"' },
        { path: `excerpts.${i}.anchoring.score`, message: "anchoring.score must be from 0 to 1" },
      ]),
    );
    const flag = await expectNoWrites(() => importDoc(withExcerpt(0, { orphaned: true })));
    expect(flag.status).toBe(400);
    expect(flag.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([`excerpts.0.orphaned`]);
  });

  it("is refused with 422 when an orphan's source or range is wrong, and writes nothing", async () => {
    const i = orphanAt();
    const answer = await expectNoWrites(() => importDoc(withExcerpt(i, { sourceId: "no-such-source" })));
    expect(answer.status).toBe(422);
    expect(answer.body.error.issues).toEqual([{ path: `excerpts.${i}.sourceId`, message: "no source has the id 'no-such-source'" }]);
    const empty = await expectNoWrites(() => importDoc(withExcerpt(i, { start: 40, end: 40 })));
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues).toEqual([{ path: `excerpts.${i}.end`, message: "the range 40–40 is empty" }]);
  });
});
