/**
 * Sources that can be corrected, revised and removed, and authors that can be edited and merged,
 * against a real PostgreSQL: a revision of a seeded text places every excerpt again (moved
 * verbatim, approximately with a score, or orphaned and listed in the gaps), positions follow,
 * and undo puts the text and every offset back; deletes and merges are undoable; stale versions
 * are 409; nothing is written by a refused request.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadDemoDefinition } from "@/lib/db/seed/demo";
import { seedWorkspace } from "@/lib/db/seed/seed-workspace";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { PATCH as patchAuthor } from "../workspaces/[slug]/authors/[id]/route";
import { POST as mergeAuthor } from "../workspaces/[slug]/authors/[id]/merge/route";
import { GET as listAuthors } from "../workspaces/[slug]/authors/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { DELETE as deleteExcerpt } from "../workspaces/[slug]/excerpts/[id]/route";
import { POST as reattach } from "../workspaces/[slug]/excerpts/[id]/reattach/route";
import { GET as gaps } from "../workspaces/[slug]/gaps/route";
import { POST as undo } from "../workspaces/[slug]/history/[eventId]/undo/route";
import { GET as matrix } from "../workspaces/[slug]/matrix/route";
import { PUT as setPosition } from "../workspaces/[slug]/positions/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { DELETE as deleteSource, GET as getSource, PATCH as patchSource } from "../workspaces/[slug]/sources/[id]/route";
import { GET as timeline } from "../workspaces/[slug]/timeline/route";

const SLUG = "revise-sco";
const params = { slug: SLUG };
let owner: TActor;
let editor: TActor;
let workspaceId: string;
let katzId: string;
let katzAuthorId: string;
let oldText: string;

type TExcerpt = { id: string; start?: number; end?: number; exact: string; orphaned: boolean; reason?: string; version: number; anchoring?: { method: string; score: number }; evidence: { claimId: string }[] };
type TSource = { id: string; version: number; text: string; published: string; title: string; author: { id: string; name: string }; excerpts: TExcerpt[] };

const readSource = async (id = katzId): Promise<TSource> => {
  const answer = await call(getSource, { params: { ...params, id }, headers: owner.headers });
  expect(answer.status).toBe(200);
  return answer.body;
};
const patch = (body: unknown, actor = editor, id = katzId) => call(patchSource, { method: "PATCH", params: { ...params, id }, body, headers: actor.headers });
const position = async (authorId: string, claimId: string): Promise<string> => {
  const answer = await call(matrix, { params, headers: owner.headers });
  const claim = (answer.body.claims as { id: string; positions: Record<string, { stance: string }> }[]).find((c) => c.id === claimId)!;
  return claim.positions[authorId]?.stance ?? "ABSENT";
};
/** The latest event of a type about an entity, for undo. */
const latestEvent = async (type: string, entityId: string) =>
  (await db().event.findFirstOrThrow({ where: { workspaceId, type, entityId }, orderBy: { id: "desc" } })).id.toString();
const undoEvent = (eventId: string, actor = owner) => call(undo, { method: "POST", params: { ...params, eventId }, body: {}, headers: actor.headers });
const claimIdOf = async (text: string) => (await db().claim.findFirstOrThrow({ where: { workspaceId, text } })).id;

beforeAll(async () => {
  const def = loadDemoDefinition();
  ({ workspaceId } = await seedWorkspace(db(), { ...def, workspace: { ...def.workspace, slug: SLUG, visibility: "PRIVATE" }, owner: undefined }));
  owner = await createActor(SLUG, "OWNER", "Olga");
  editor = await createActor(SLUG, "EDITOR", "Ed");
  const katz = await db().source.findFirstOrThrow({ where: { workspaceId, title: { contains: "Lonely" } }, select: { id: true, authorId: true, text: true } });
  katzId = katz.id;
  katzAuthorId = katz.authorId;
  oldText = katz.text;
});

/** The revised text: a paragraph before everything, one word changed inside a quote, one quoted paragraph gone. */
function revise(text: string, changedQuote: string, deletedQuote: string) {
  const opening = "Editor's note: this article was corrected after publication; the corrections are marked in the text.\n\n";
  const word = "presidents";
  expect(changedQuote).toContain(word);
  const changedAt = text.indexOf(changedQuote);
  const paragraphStart = text.lastIndexOf("\n\n", text.indexOf(deletedQuote)) + 2;
  const paragraphEnd = text.indexOf("\n\n", text.indexOf(deletedQuote)) + 2;
  expect(changedAt).toBeLessThan(paragraphStart);
  const changed = text.slice(0, changedAt) + changedQuote.replace(word, "leaders") + text.slice(changedAt + changedQuote.length);
  const shift = "leaders".length - word.length;
  const newText = opening + changed.slice(0, paragraphStart + shift) + changed.slice(paragraphEnd + shift);
  return { newText, opening, deleted: { start: paragraphStart, end: paragraphEnd }, shift };
}

describe("revising a source's text", () => {
  it("moves every excerpt verbatim, places the changed one approximately, orphans the deleted one, and undoes it all", async () => {
    const before = await readSource();
    const placed = before.excerpts.filter((x) => !x.orphaned) as Required<TExcerpt>[];
    expect(placed).toHaveLength(9);
    const changedQuote = placed.find((x) => x.exact.startsWith("At the July 2005 SCO summit"))!;
    const deletedQuote = placed.find((x) => x.exact.startsWith("Finally, Uzbekistan had relatively poor relations"))!;
    const stability = await claimIdOf("The SCO has made a real contribution to stability and security in Central Asia.");
    expect(await position(katzAuthorId, stability)).toBe("OPPOSES");
    const { newText, opening, deleted, shift } = revise(oldText, changedQuote.exact, deletedQuote.exact);

    const answer = await patch({ version: before.version, text: newText });
    expect(answer.status).toBe(200);
    expect(answer.body.source.version).toBe(before.version + 1);
    const { reanchored } = answer.body;
    expect(reanchored.unchanged).toBe(0);
    expect(reanchored.moved).toBe(7);
    expect(reanchored.fuzzy).toHaveLength(1);
    expect(reanchored.fuzzy[0].excerptId).toBe(changedQuote.id);
    expect(reanchored.fuzzy[0].score).toBeGreaterThan(0.8);
    expect(reanchored.fuzzy[0].score).toBeLessThan(1);
    expect(reanchored.orphaned).toEqual([{ excerptId: deletedQuote.id, exact: deletedQuote.exact }]);

    const after = await readSource();
    expect(after.text).toBe(newText);
    for (const excerpt of placed.filter((x) => x !== changedQuote && x !== deletedQuote)) {
      const now = after.excerpts.find((x) => x.id === excerpt.id)!;
      const expected = opening.length + excerpt.start + (excerpt.start > changedQuote.start ? shift : 0) - (excerpt.start > deleted.start ? deleted.end - deleted.start : 0);
      expect(now).toMatchObject({ orphaned: false, exact: excerpt.exact, start: expected, end: expected + excerpt.exact.length });
      expect(newText.slice(now.start, now.end)).toBe(excerpt.exact);
    }
    const fuzzy = after.excerpts.find((x) => x.id === changedQuote.id)!;
    expect(fuzzy.orphaned).toBe(false);
    expect(fuzzy.exact).toBe(newText.slice(fuzzy.start, fuzzy.end));
    expect(fuzzy.exact).toContain("SCO leaders issued");
    // The reader marks it as placed approximately, with the same score.
    expect(fuzzy.anchoring).toEqual({ method: "fuzzy", score: reanchored.fuzzy[0].score });
    const orphan = after.excerpts.find((x) => x.id === deletedQuote.id)!;
    expect(orphan).toMatchObject({ orphaned: true, exact: deletedQuote.exact, reason: expect.any(String) });
    expect(orphan).not.toHaveProperty("start");
    expect(orphan.evidence).toHaveLength(1);

    // The orphan counts nowhere: Katz says nothing on stability now; the gaps list it with the reason.
    expect(await position(katzAuthorId, stability)).toBe("SILENT");
    const listed = (await call(gaps, { params, headers: owner.headers })).body.orphanedExcerpts;
    expect(listed.items).toEqual([expect.objectContaining({ excerptId: deletedQuote.id, sourceId: katzId, exact: deletedQuote.exact, reason: orphan.reason, evidenceCount: 1 })]);
    // The old text is kept, and the search passages are the new text's.
    const revision = await db().sourceRevision.findFirstOrThrow({ where: { sourceId: katzId }, orderBy: { createdAt: "desc" } });
    expect(revision).toMatchObject({ text: oldText, version: before.version });
    const passages = await db().passage.findMany({ where: { sourceId: katzId }, orderBy: { start: "asc" } });
    expect(passages[0]).toMatchObject({ start: 0, text: opening.trim() });
    for (const p of passages) expect(newText.slice(p.start, p.end)).toBe(p.text);

    // Undo: the old text and every offset come back, the orphan is placed again, positions too.
    const undone = await undoEvent(await latestEvent("source.updated", katzId));
    expect(undone.status).toBe(200);
    const back = await readSource();
    expect(back.text).toBe(oldText);
    const offsets = (s: TSource) => s.excerpts.map(({ id, start, end, exact, orphaned, anchoring }) => ({ id, start, end, exact, orphaned, anchoring })).sort((x, y) => x.id.localeCompare(y.id));
    expect(offsets(back)).toEqual(offsets(before));
    expect(await position(katzAuthorId, stability)).toBe("OPPOSES");
    expect((await call(gaps, { params, headers: owner.headers })).body.orphanedExcerpts.total).toBe(0);
  });

  it("drops a PDF's page breaks when its text is revised, and undo brings them back", async () => {
    const pageStarts = [0, Math.floor(oldText.length / 3), Math.floor((2 * oldText.length) / 3)];
    await db().source.update({ where: { id: katzId }, data: { pageStarts } });
    try {
      const pagesOf = (s: TSource & { pages: number[] | null }) => ({ pages: s.pages, excerpts: (s.excerpts as (TExcerpt & { page?: number | null })[]).map((x) => [x.id, x.page ?? null]).sort() });
      const before = (await readSource()) as TSource & { pages: number[] | null };
      expect(before.pages).toEqual(pageStarts);
      const withPages = pagesOf(before);
      expect(new Set(withPages.excerpts.map(([, page]) => page))).toEqual(new Set([1, 2, 3]));

      // The breaks were the old text's: after a revision no page is claimed for any passage.
      const answer = await patch({ version: before.version, text: `A corrected opening.\n\n${oldText}` });
      expect(answer.status).toBe(200);
      const revised = (await readSource()) as TSource & { pages: number[] | null };
      expect(revised.pages).toBeNull();
      expect(pagesOf(revised).excerpts.every(([, page]) => page === null)).toBe(true);

      expect((await undoEvent(await latestEvent("source.updated", katzId))).status).toBe(200);
      const back = (await readSource()) as TSource & { pages: number[] | null };
      expect(back.text).toBe(oldText);
      expect(pagesOf(back)).toEqual(withPages);
    } finally {
      await db().source.update({ where: { id: katzId }, data: { pageStarts: [] } });
    }
  });

  it("places an orphan again when a later revision puts its quote back, and undo orphans it again", async () => {
    const before = await readSource();
    const deletedQuote = before.excerpts.find((x) => x.exact.startsWith("Finally, Uzbekistan had relatively poor relations"))!;
    const changedQuote = before.excerpts.find((x) => x.exact.startsWith("At the July 2005 SCO summit"))!;
    const stability = await claimIdOf("The SCO has made a real contribution to stability and security in Central Asia.");
    const { newText } = revise(oldText, changedQuote.exact, deletedQuote.exact);
    const first = await patch({ version: before.version, text: newText });
    expect(first.status).toBe(200);
    const firstEvent = await latestEvent("source.updated", katzId);
    expect(first.body.reanchored.orphaned.map((o: { excerptId: string }) => o.excerptId)).toEqual([deletedQuote.id]);
    expect(await position(katzAuthorId, stability)).toBe("SILENT");

    // The paragraph comes back (under a new first line): the orphan is found and counts again.
    const restoredText = `Corrected again.\n\n${oldText}`;
    const second = await patch({ version: before.version + 1, text: restoredText });
    expect(second.status).toBe(200);
    const secondEvent = await latestEvent("source.updated", katzId);
    expect(second.body.reanchored.orphaned).toEqual([]);
    const placed = (await readSource()).excerpts.find((x) => x.id === deletedQuote.id)!;
    expect(placed).toMatchObject({ orphaned: false, exact: deletedQuote.exact, start: deletedQuote.start! + "Corrected again.\n\n".length });
    expect(await position(katzAuthorId, stability)).toBe("OPPOSES");
    expect((await call(gaps, { params, headers: owner.headers })).body.orphanedExcerpts.total).toBe(0);

    // Undoing the second revision orphans it again; the original text, sent again, places everything.
    expect((await undoEvent(secondEvent)).status).toBe(200);
    const undone = await readSource();
    expect(undone.excerpts.find((x) => x.id === deletedQuote.id)).toMatchObject({ orphaned: true });
    expect(await position(katzAuthorId, stability)).toBe("SILENT");
    expect((await undoEvent(firstEvent)).status).toBe(409);
    expect((await patch({ version: undone.version, text: oldText })).status).toBe(200);
    const back = await readSource();
    expect(back.text).toBe(oldText);
    expect(back.excerpts.find((x) => x.id === deletedQuote.id)).toMatchObject({ orphaned: false, start: deletedQuote.start, exact: deletedQuote.exact });
    expect(await position(katzAuthorId, stability)).toBe("OPPOSES");
  });

  it("re-attaches an orphan to a passage of the new text, or deletes it", async () => {
    const before = await readSource();
    const deletedQuote = before.excerpts.find((x) => x.exact.startsWith("Finally, Uzbekistan had relatively poor relations"))!;
    const { newText, opening } = revise(oldText, before.excerpts.find((x) => x.exact.startsWith("At the July 2005 SCO summit"))!.exact, deletedQuote.exact);
    const revised = await patch({ version: before.version, text: newText });
    expect(revised.status).toBe(200);
    const orphan = (await readSource()).excerpts.find((x) => x.id === deletedQuote.id)!;
    const stability = await claimIdOf("The SCO has made a real contribution to stability and security in Central Asia.");

    // A placed excerpt is not re-attached; a selector that does not quote the text is refused.
    const placedOne = (await readSource()).excerpts.find((x) => !x.orphaned)!;
    const notOrphan = await expectNoWrites(() => call(reattach, { method: "POST", params: { ...params, id: placedOne.id }, body: { version: placedOne.version, selector: { start: 0, end: 6, exact: newText.slice(0, 6) } }, headers: editor.headers }));
    expect(notOrphan.status).toBe(422);
    const wrong = await expectNoWrites(() => call(reattach, { method: "POST", params: { ...params, id: orphan.id }, body: { version: orphan.version, selector: { start: 0, end: 6, exact: "Wrong!" } }, headers: editor.headers }));
    expect(wrong.status).toBe(422);
    const stale = await expectNoWrites(() => call(reattach, { method: "POST", params: { ...params, id: orphan.id }, body: { version: orphan.version + 5, selector: { start: 0, end: 6, exact: newText.slice(0, 6) } }, headers: editor.headers }));
    expect(stale.status).toBe(409);

    const selector = { start: 0, end: opening.trim().length, exact: opening.trim() };
    const attached = await call(reattach, { method: "POST", params: { ...params, id: orphan.id }, body: { version: orphan.version, selector }, headers: editor.headers });
    expect(attached.status).toBe(200);
    const now = (await readSource()).excerpts.find((x) => x.id === orphan.id)!;
    expect(now).toMatchObject({ orphaned: false, start: 0, end: selector.end, exact: selector.exact });
    expect(await position(katzAuthorId, stability)).toBe("OPPOSES");

    // Undoing the re-attachment orphans it again; deleting the orphan removes it from the gaps.
    expect((await undoEvent(await latestEvent("excerpt.reattached", orphan.id))).status).toBe(200);
    const again = (await readSource()).excerpts.find((x) => x.id === orphan.id)!;
    expect(again.orphaned).toBe(true);
    expect((await call(gaps, { params, headers: owner.headers })).body.orphanedExcerpts.total).toBe(1);
    const removed = await call(deleteExcerpt, { method: "DELETE", params: { ...params, id: orphan.id }, body: { version: again.version }, headers: editor.headers });
    expect(removed.status).toBe(200);
    expect((await call(gaps, { params, headers: owner.headers })).body.orphanedExcerpts.total).toBe(0);
    expect((await readSource()).excerpts.some((x) => x.id === orphan.id)).toBe(false);
  });

  it("refuses a stale version, an unknown author or an oversized text, writing nothing", async () => {
    const current = await readSource();
    const stale = await expectNoWrites(() => patch({ version: current.version + 1, title: "Stale", author: { name: "Somebody New" }, text: "A different text." }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");
    expect(stale.body.error.current).toMatchObject({ id: katzId, version: current.version });
    expect(stale.body.error.current).not.toHaveProperty("text");
    const unknownAuthor = await expectNoWrites(() => patch({ version: current.version, author: { id: "00000000-0000-4000-8000-000000000000" } }));
    expect(unknownAuthor.status).toBe(404);
    const huge = await expectNoWrites(() => patch({ version: current.version, author: { name: "Another New Person" }, text: "x".repeat(2 * 1024 * 1024 + 1) }));
    expect(huge.status).toBe(413);
    const nothing = await expectNoWrites(() => patch({ version: current.version }));
    expect(nothing.status).toBe(400);
    const badDate = await expectNoWrites(() => patch({ version: current.version, published: "2008-02-30" }));
    expect(badDate.status).toBe(400);
    const viewer = await createActor(SLUG, "VIEWER", "Vic");
    const forbidden = await expectNoWrites(() => patch({ version: current.version, title: "By a viewer" }, viewer));
    expect(forbidden.status).toBe(403);
  });
});

describe("editing a source's details", () => {
  it("moves the source on the timeline, files it under another author, and undoes it", async () => {
    const current = await readSource();
    const marks = async () => (await call(timeline, { params, headers: owner.headers })).body;
    const answer = await patch({ version: current.version, published: "2015-03", title: "The lonely road, corrected", publishedNote: "Corrected edition", author: { name: "Mark N. Katz Jr", shortName: "Katz Jr" } });
    expect(answer.status).toBe(200);
    expect(answer.body.source).toMatchObject({ published: "2015-03", title: "The lonely road, corrected", publishedNote: "Corrected edition", author: { name: "Mark N. Katz Jr" } });
    expect(answer.body).not.toHaveProperty("reanchored");
    const after = await readSource();
    expect(after).toMatchObject({ published: "2015-03", text: current.text });
    expect(JSON.stringify(await marks())).toContain("2015-03");

    expect((await undoEvent(await latestEvent("source.updated", katzId))).status).toBe(200);
    const back = await readSource();
    expect(back).toMatchObject({ published: current.published, title: current.title, author: { id: current.author.id } });
    expect(JSON.stringify(await marks())).not.toContain("2015-03");
  });
});

describe("deleting a source", () => {
  it("takes its excerpts and evidence out of every view, and undo brings them back", async () => {
    const current = await readSource();
    const declining = await claimIdOf("Russia’s influence within the SCO is declining.");
    expect(await position(katzAuthorId, declining)).toBe("SUPPORTS");
    const stale = await expectNoWrites(() => call(deleteSource, { method: "DELETE", params: { ...params, id: katzId }, body: { version: current.version + 1 }, headers: editor.headers }));
    expect(stale.status).toBe(409);

    const removed = await call(deleteSource, { method: "DELETE", params: { ...params, id: katzId }, body: { version: current.version }, headers: editor.headers });
    expect(removed.status).toBe(200);
    expect((await call(getSource, { params: { ...params, id: katzId }, headers: owner.headers })).status).toBe(404);
    expect(await position(katzAuthorId, declining)).toBe("ABSENT");
    const excerptCount = await db().excerpt.count({ where: { sourceId: katzId, deletedAt: null } });
    expect(excerptCount).toBe(current.excerpts.length);

    expect((await undoEvent(await latestEvent("source.deleted", katzId), editor)).status).toBe(200);
    expect((await readSource()).excerpts.map((x) => x.id)).toEqual(current.excerpts.map((x) => x.id));
    expect(await position(katzAuthorId, declining)).toBe("SUPPORTS");
  });
});

describe("authors", () => {
  async function newSource(author: string, claimId: string, stance: string) {
    const created = await call(createSource, { method: "POST", params, body: { title: `By ${author}`, author: { name: author }, published: "2020", text: `${author} writes that the matter is settled. Nothing more.` }, headers: editor.headers });
    expect(created.status).toBe(201);
    const excerpt = await call(createExcerpt, { method: "POST", params, body: { sourceId: created.body.id, selector: { exact: "the matter is settled" }, evidence: [{ claimId, stance }] }, headers: editor.headers });
    expect(excerpt.status).toBe(201);
    return created.body as { id: string; authorId: string };
  }
  const authorRow = (id: string) => db().author.findUniqueOrThrow({ where: { id } });

  it("edits an author's names and affiliation, refusing another author's name", async () => {
    const { authorId } = await newSource("Rita Renamed", await claimIdOf("The SCO is an anti-NATO bloc."), "SUPPORTS");
    const edited = await call(patchAuthor, { method: "PATCH", params: { ...params, id: authorId }, body: { version: 1, name: "Rita R. Renamed", shortName: "Renamed", affiliation: "An institute" }, headers: editor.headers });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Rita R. Renamed", shortName: "Renamed", affiliation: "An institute", version: 2 });
    const taken = await expectNoWrites(() => call(patchAuthor, { method: "PATCH", params: { ...params, id: authorId }, body: { version: 2, name: "Mark N. Katz" }, headers: editor.headers }));
    expect(taken.status).toBe(409);
    const stale = await expectNoWrites(() => call(patchAuthor, { method: "PATCH", params: { ...params, id: authorId }, body: { version: 1, shortName: "Old" }, headers: editor.headers }));
    expect(stale.status).toBe(409);
    expect((await undoEvent(await latestEvent("author.updated", authorId))).status).toBe(200);
    expect(await authorRow(authorId)).toMatchObject({ name: "Rita Renamed", shortName: "Renamed", affiliation: null });
  });

  it("merges two authors: sources, evidence and hand-set positions move, positions are derived again, and undo splits them", async () => {
    const bloc = await claimIdOf("The SCO is an anti-NATO bloc.");
    const shop = await claimIdOf("The SCO is a talk shop that produces declarations rather than concrete results.");
    const one = await newSource("Merle One", bloc, "SUPPORTS");
    const two = await newSource("Merle Two", bloc, "OPPOSES");
    const set = await call(setPosition, { method: "PUT", params, body: { claimId: shop, authorId: one.authorId, stance: "QUALIFIES" }, headers: editor.headers });
    expect(set.status).toBeLessThan(300);
    expect(await position(one.authorId, bloc)).toBe("SUPPORTS");
    expect(await position(two.authorId, bloc)).toBe("OPPOSES");

    const stale = await expectNoWrites(() => call(mergeAuthor, { method: "POST", params: { ...params, id: one.authorId }, body: { version: 1, intoId: two.authorId, intoVersion: 7 }, headers: editor.headers }));
    expect(stale.status).toBe(409);
    const self = await expectNoWrites(() => call(mergeAuthor, { method: "POST", params: { ...params, id: one.authorId }, body: { version: 1, intoId: one.authorId, intoVersion: 1 }, headers: editor.headers }));
    expect(self.status).toBe(422);

    const merged = await call(mergeAuthor, { method: "POST", params: { ...params, id: one.authorId }, body: { version: 1, intoId: two.authorId, intoVersion: 1 }, headers: editor.headers });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ sources: 1, positionsMoved: 1, positionsCleared: 0 });
    expect((await readSource(one.id)).author.id).toBe(two.authorId);
    expect(await position(one.authorId, bloc)).toBe("ABSENT");
    expect(await position(two.authorId, bloc)).toBe("MIXED");
    expect(await position(two.authorId, shop)).toBe("QUALIFIES");
    const listed = (await call(listAuthors, { params, headers: owner.headers })).body as { id: string; sourceCount: number }[];
    expect(listed.find((a) => a.id === one.authorId)).toBeUndefined();
    expect(listed.find((a) => a.id === two.authorId)?.sourceCount).toBe(2);
    // The merged name now files a new source under the author it went into.
    const later = await call(createSource, { method: "POST", params, body: { title: "Later", author: { name: "Merle One" }, published: "2021", text: "Later words." }, headers: editor.headers });
    expect(later.body.authorId).toBe(two.authorId);
    await db().source.update({ where: { id: later.body.id }, data: { deletedAt: new Date() } });

    expect((await undoEvent(await latestEvent("author.merged", one.authorId))).status).toBe(200);
    expect((await readSource(one.id)).author.id).toBe(one.authorId);
    expect(await position(one.authorId, bloc)).toBe("SUPPORTS");
    expect(await position(two.authorId, bloc)).toBe("OPPOSES");
    expect(await position(one.authorId, shop)).toBe("QUALIFIES");
    expect(await authorRow(one.authorId)).toMatchObject({ mergedIntoId: null });
  });
});
