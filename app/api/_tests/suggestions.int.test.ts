/**
 * Suggested passages for silent authors, against a real PostgreSQL seeded with the demo: they come
 * from the author's own live sources, never overlap evidence already cited for the claim, leave
 * out authors whose position is set by hand, and change as soon as a passage is cited.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { GET as suggestions } from "../workspaces/[slug]/claims/[id]/suggestions/route";
import { GET as getClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { PUT as setPosition } from "../workspaces/[slug]/positions/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { POST as createWorkspace } from "../workspaces/route";

const SLUG = "sco-debate";
let editor: TActor;

interface TPassage {
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  rank: number;
  marks: { start: number; end: number }[];
}

interface TSuggestionsBody {
  claimId: string;
  authors: { author: { id: string; name: string; shortName: string }; passages: TPassage[] }[];
}

const suggest = async (claimId: string, options: { slug?: string; perAuthor?: string; headers?: Record<string, string> } = {}) => {
  const slug = options.slug ?? SLUG;
  const query = options.perAuthor ? `?perAuthor=${options.perAuthor}` : "";
  return call(suggestions, { path: `/api/workspaces/${slug}/claims/${claimId}/suggestions${query}`, params: { slug, id: claimId }, headers: options.headers });
};

/** Authors whose position on the claim is derived SILENT, from the claim API. */
async function silentAuthors(claimId: string, slug = SLUG): Promise<string[]> {
  const { body } = await call(getClaim, { params: { slug, id: claimId } });
  return body.positions.filter((p: { stance: string; explicit: boolean }) => p.stance === "SILENT" && !p.explicit).map((p: { author: { id: string } }) => p.author.id);
}

/** Spans of live excerpts cited as live evidence for the claim, by source. */
async function citedSpans(claimId: string) {
  return db().excerpt.findMany({
    where: { deletedAt: null, evidence: { some: { claimId, deletedAt: null } } },
    select: { sourceId: true, start: true, end: true },
  });
}

/** A claim of the demo no other test changes, with several silent authors in the seed. */
const RATS = "The SCO’s counter-terrorism cooperation (RATS) works effectively.";

/** The words of `text` as the database's English text search stems them. */
async function lexemes(text: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ lexeme: string }[]>`select lexeme from unnest(to_tsvector('english', stancemap_search_text(${text})))`;
  return rows.map((r) => r.lexeme);
}

const claimByText = async (text: string) => (await db().claim.findFirstOrThrow({ where: { workspace: { slug: SLUG }, text, deletedAt: null } })).id;

beforeAll(async () => {
  editor = await createActor(SLUG, "EDITOR", "Suggestions editor");
});

describe("GET /api/workspaces/:slug/claims/:id/suggestions", () => {
  it("lists each silent author with passages from that author's own sources, never overlapping what is cited", async () => {
    const claimId = await claimByText(RATS);
    const silent = await silentAuthors(claimId);
    expect(silent.length).toBeGreaterThan(0);
    const { status, body } = await suggest(claimId);
    expect(status).toBe(200);
    const result = body as TSuggestionsBody;
    expect(result.claimId).toBe(claimId);
    expect(result.authors.map((a) => a.author.id)).toEqual(silent);
    expect(result.authors.some((a) => a.passages.length > 0)).toBe(true);

    const cited = await citedSpans(claimId);
    for (const { author, passages } of result.authors) {
      expect(passages.length).toBeLessThanOrEqual(3);
      const sources = await db().source.findMany({ where: { authorId: author.id, deletedAt: null }, select: { id: true, text: true, title: true } });
      for (const passage of passages) {
        const source = sources.find((s) => s.id === passage.sourceId);
        expect(source, `${author.shortName}: a passage from someone else's source`).toBeDefined();
        expect(passage.sourceTitle).toBe(source!.title);
        expect(source!.text.slice(passage.start, passage.end)).toBe(passage.text);
        expect(source!.text.slice(0, passage.start).endsWith(passage.prefix)).toBe(true);
        expect(source!.text.slice(passage.end).startsWith(passage.suffix)).toBe(true);
        expect(cited.filter((c) => c.sourceId === passage.sourceId && c.start < passage.end && c.end > passage.start)).toEqual([]);
        expect(passage.marks.length).toBeGreaterThan(0);
      }
      const ranks = passages.map((p) => p.rank);
      expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    }
  });

  it("marks the claim's words (in any inflection) in each passage", async () => {
    const claimId = await claimByText(RATS);
    const { body } = await suggest(claimId, { perAuthor: "1" });
    const claimLexemes = new Set(await lexemes(RATS));
    let marks = 0;
    for (const { passages } of (body as TSuggestionsBody).authors) {
      expect(passages.length).toBeLessThanOrEqual(1);
      for (const p of passages) {
        for (const m of p.marks) {
          const word = p.text.slice(m.start, m.end);
          expect((await lexemes(word)).some((l) => claimLexemes.has(l)), word).toBe(true);
          marks++;
        }
      }
    }
    expect(marks).toBeGreaterThan(0);
  });

  it("drops a passage once part of it is cited for the claim, and the author once they take a position", async () => {
    const claimId = await claimByText("Economic cooperation within the SCO has delivered little of substance.");
    const before = (await suggest(claimId)).body as TSuggestionsBody;
    const target = before.authors.find((a) => a.passages.length >= 2);
    expect(target, "a silent author with two suggested passages").toBeDefined();
    const [top, next] = target!.passages;

    // Cited in REPORTED voice: the author stays silent, but the passage has been read for the claim.
    const part = { start: top.start, end: top.start + Math.min(60, top.text.length), exact: top.text.slice(0, Math.min(60, top.text.length)) };
    const reported = await call(createExcerpt, {
      method: "POST",
      params: { slug: SLUG },
      body: { sourceId: top.sourceId, selector: part, evidence: [{ claimId, stance: "SUPPORTS", voice: "REPORTED" }] },
      headers: editor.headers,
    });
    expect(reported.status).toBe(201);
    const afterReported = (await suggest(claimId)).body as TSuggestionsBody;
    const still = afterReported.authors.find((a) => a.author.id === target!.author.id);
    expect(still, "REPORTED voice leaves the author silent").toBeDefined();
    expect(still!.passages.some((p) => p.sourceId === top.sourceId && p.start === top.start)).toBe(false);
    expect(still!.passages[0]).toEqual(next);

    // Cited as the author's own view, with the whole passage as the suggestion offers it.
    const own = await call(createExcerpt, {
      method: "POST",
      params: { slug: SLUG },
      body: { sourceId: next.sourceId, selector: { start: next.start, end: next.end, exact: next.text, prefix: next.prefix, suffix: next.suffix }, evidence: [{ claimId, stance: "OPPOSES", voice: "AUTHOR" }] },
      headers: editor.headers,
    });
    expect(own.status).toBe(201);
    const afterOwn = (await suggest(claimId)).body as TSuggestionsBody;
    expect(afterOwn.authors.map((a) => a.author.id)).not.toContain(target!.author.id);
    expect(await silentAuthors(claimId)).not.toContain(target!.author.id);
  });

  it("leaves out an author whose position is set by hand, even to silent", async () => {
    const claimId = await claimByText("China is the dominant power in the SCO.");
    const [authorId] = await silentAuthors(claimId);
    expect((await suggest(claimId)).body.authors.map((a: { author: { id: string } }) => a.author.id)).toContain(authorId);
    const set = await call(setPosition, { method: "PUT", params: { slug: SLUG }, body: { claimId, authorId, stance: "SILENT", note: "Read it: nothing on this." }, headers: editor.headers });
    expect(set.status).toBe(200);
    expect((await suggest(claimId)).body.authors.map((a: { author: { id: string } }) => a.author.id)).not.toContain(authorId);
  });

  it("lists an author whose texts share none of the claim's words with no passages", async () => {
    const owner = await createActor(null, null, "Suggestion owner");
    const slug = (await call(createWorkspace, { method: "POST", body: { title: "Dog seminar", visibility: "PRIVATE" }, headers: owner.headers })).body.slug as string;
    const add = (name: string, text: string) =>
      call(createSource, { method: "POST", params: { slug }, body: { title: `${name}'s notes`, author: { name }, published: "2020", text }, headers: owner.headers });
    const quiet = await add("Ann Quiet", "Cats sleep most of the day.\n\nThey wake for dinner.");
    const loud = await add("Bo Loud", "Our dogs bark at every passing car.\n\nThe neighbours sleep badly.");
    const claim = await call(createClaim, { method: "POST", params: { slug }, body: { text: "Dogs bark too much." }, headers: owner.headers });
    const { status, body } = await suggest(claim.body.id, { slug, headers: owner.headers });
    expect(status).toBe(200);
    const result = body as TSuggestionsBody;
    // Both published in 2020: the order between them is the matrix's tie-break, not asserted here.
    expect(result.authors.map((a) => [a.author.name, a.passages.map((p) => p.text)]).sort()).toEqual([
      ["Ann Quiet", []],
      ["Bo Loud", ["Our dogs bark at every passing car."]],
    ]);
    expect(result.authors.find((a) => a.author.name === "Bo Loud")!.passages[0].sourceId).toBe(loud.body.id);
    expect(quiet.status).toBe(201);
    // Outsiders do not learn that the workspace exists.
    const outsider = await createActor(null, null, "Suggestion outsider");
    expect((await suggest(claim.body.id, { slug, headers: outsider.headers })).status).toBe(404);
  });

  it("answers 400 for a bad perAuthor and 404 for a claim that is not in the workspace", async () => {
    const claimId = await claimByText("The SCO is an anti-NATO bloc.");
    for (const perAuthor of ["0", "11", "two"]) {
      const result = await suggest(claimId, { perAuthor });
      expect(result.status).toBe(400);
      expect(result.body.error.issues[0].path).toBe("perAuthor");
    }
    const missing = await suggest("00000000-0000-4000-8000-000000000000");
    expect(missing).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "Claim was not found." } } });
    expect((await suggest("not-a-uuid")).status).toBe(400);
  });
});
