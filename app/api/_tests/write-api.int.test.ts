/**
 * The write API against a real PostgreSQL: authorization by role, validation, anchoring, stale
 * edits (409), idempotent retries, and that every failed request leaves the database unchanged.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, countRows, type TActor } from "@/lib/testing/actors";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { call } from "@/lib/testing/call";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { PATCH as patchClaim, DELETE as deleteClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { PATCH as patchEvidence } from "../workspaces/[slug]/evidence/[id]/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { PUT as setPosition } from "../workspaces/[slug]/positions/route";
import { POST as createWorkspace } from "../workspaces/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";
import { GET as getClaimRoute } from "../workspaces/[slug]/claims/[id]/route";
import { GET as getSourceRoute } from "../workspaces/[slug]/sources/[id]/route";
import { PUT as reorder } from "../workspaces/[slug]/claims/order/route";
import { POST as createLink } from "../workspaces/[slug]/links/route";
import { DELETE as deleteLink } from "../workspaces/[slug]/links/[id]/route";

const SLUG = "sco-debate";
const params = { slug: SLUG };
let editor: TActor;
let viewer: TActor;
let commenter: TActor;
let outsider: TActor;
let ecfr: { id: string; text: string };
let claimId: string;

/** Runs `request` and checks it wrote nothing at all. */
beforeAll(async () => {
  editor = await createActor(SLUG, "EDITOR", "Editor");
  viewer = await createActor(SLUG, "VIEWER", "Viewer");
  commenter = await createActor(SLUG, "COMMENTER", "Commenter");
  outsider = await createActor(null, null, "Outsider");
  ecfr = await db().source.findFirstOrThrow({ where: { title: { startsWith: "Rogue NATO" } }, select: { id: true, text: true } });
  claimId = (await db().claim.findFirstOrThrow({ where: { workspace: { slug: SLUG }, text: "The SCO is an anti-NATO bloc." } })).id;
});

describe("who may write", () => {
  it("asks anonymous callers to sign in (401), refuses viewers and commenters (403)", async () => {
    const body = { text: "A new claim." };
    const anonymous = await expectNoWrites(() => call(createClaim, { method: "POST", params, body, headers: { "content-type": "application/json" } }));
    expect(anonymous).toEqual({ status: 401, body: { error: { code: "UNAUTHORIZED", message: "Sign in to make changes." } } });
    const asViewer = await expectNoWrites(() => call(createClaim, { method: "POST", params, body, headers: viewer.headers }));
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.error.message).toMatch(/viewer/);
    expect((await expectNoWrites(() => call(createClaim, { method: "POST", params, body, headers: commenter.headers }))).status).toBe(403);
  });

  it("rejects a bad token as 401 rather than treating it as anonymous", async () => {
    const result = await call(getMatrix, { params, headers: { authorization: "Bearer smk_not-a-real-token" } });
    expect(result.status).toBe(401);
  });

  it("hides a private workspace from outsiders: 404 for reads and writes", async () => {
    const created = await call(createWorkspace, { method: "POST", body: { title: "Closed seminar", visibility: "PRIVATE" }, headers: editor.headers });
    expect(created).toEqual({ status: 201, body: { slug: "closed-seminar" } });
    expect((await call(getMatrix, { params: { slug: "closed-seminar" }, headers: outsider.headers })).status).toBe(404);
    expect((await call(getMatrix, { params: { slug: "closed-seminar" } })).status).toBe(404);
    expect((await call(getMatrix, { params: { slug: "closed-seminar" }, headers: editor.headers })).status).toBe(200);
    const write = await expectNoWrites(() => call(createClaim, { method: "POST", params: { slug: "closed-seminar" }, body: { text: "x" }, headers: outsider.headers }));
    expect(write.status).toBe(404);
    // Asking for a taken slug is no way to learn that a private workspace exists: no 409, another slug.
    const probe = await call(createWorkspace, { method: "POST", body: { title: "Probe", slug: "closed-seminar", visibility: "PRIVATE" }, headers: outsider.headers });
    expect(probe).toEqual({ status: 201, body: { slug: "closed-seminar-2" } });
  });

  it("gives a LINK workspace an address nobody can guess from its title", async () => {
    const slugs = new Set<string>();
    for (const slug of [undefined, "reading-group"]) {
      const created = await call(createWorkspace, { method: "POST", body: { title: "Reading group", ...(slug ? { slug } : {}), visibility: "LINK" }, headers: editor.headers });
      expect(created.status).toBe(201);
      expect(created.body.slug).toMatch(/^reading-group-[0-9a-z]{14}$/);
      slugs.add(created.body.slug);
    }
    expect(slugs.size).toBe(2);
    expect((await call(getMatrix, { params: { slug: "reading-group" }, headers: outsider.headers })).status).toBe(404);
    expect((await call(getMatrix, { params: { slug: [...slugs][0] }, headers: outsider.headers })).status).toBe(200);
  });
});

describe("claims", () => {
  it("creates a claim with an Event, and edits it with its version", async () => {
    const before = await countRows();
    const created = await call(createClaim, { method: "POST", params, body: { text: "  The SCO is a vehicle for Chinese influence.  ", tags: ["China"] }, headers: editor.headers });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ text: "The SCO is a vehicle for Chinese influence.", tags: ["china"], version: 1 });
    const after = await countRows();
    expect(after.claim).toBe(before.claim + 1);
    expect(after.event).toBe(before.event + 1);
    const event = await db().event.findFirstOrThrow({ where: { entityId: created.body.id } });
    expect(event).toMatchObject({ type: "claim.created", actorId: editor.userId });

    const edited = await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: created.body.id }, body: { version: 1, text: "The SCO is mainly a vehicle for Chinese influence." }, headers: editor.headers });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, text: "The SCO is mainly a vehicle for Chinese influence." });
  });

  it("sends a change's answer uncached and not to be compressed", async () => {
    const response = await createClaim(
      new Request(`http://localhost/api/workspaces/${SLUG}/claims`, { method: "POST", headers: { ...editor.headers, "accept-encoding": "gzip" }, body: JSON.stringify({ text: "Answered plainly." }) }),
      { params: Promise.resolve(params) },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("answers a stale edit with 409 and the current claim, and changes nothing", async () => {
    const created = await call(createClaim, { method: "POST", params, body: { text: "Original wording." }, headers: editor.headers });
    const id = created.body.id;
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id }, body: { version: 1, text: "First editor's wording." }, headers: editor.headers });
    const stale = await expectNoWrites(() => call(patchClaim, { method: "PATCH", params: { slug: SLUG, id }, body: { version: 1, text: "Second editor's wording." }, headers: editor.headers }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");
    expect(stale.body.error.current).toMatchObject({ id, version: 2, text: "First editor's wording." });
    expect((await db().claim.findUniqueOrThrow({ where: { id } })).text).toBe("First editor's wording.");
  });

  it("soft-deletes a claim so it leaves the matrix but stays in the database", async () => {
    const created = await call(createClaim, { method: "POST", params, body: { text: "To be deleted." }, headers: editor.headers });
    const unversioned = await expectNoWrites(() => call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: created.body.id }, headers: { authorization: editor.headers.authorization } }));
    expect(unversioned.status).toBe(400);
    expect(unversioned.body.error.issues).toEqual([expect.objectContaining({ path: "version" })]);
    const deleted = await call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: created.body.id }, body: { version: created.body.version }, headers: { authorization: editor.headers.authorization } });
    expect(deleted.status).toBe(200);
    const matrix = await call(getMatrix, { params });
    expect(matrix.body.claims.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    expect((await db().claim.findUniqueOrThrow({ where: { id: created.body.id } })).deletedAt).not.toBeNull();
  });

  it("validates every field with clear messages and writes nothing", async () => {
    const long = await expectNoWrites(() => call(createClaim, { method: "POST", params, body: { text: "x".repeat(501) }, headers: editor.headers }));
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toEqual([{ path: "text", message: "A claim must be at most 500 characters" }]);
    const empty = await expectNoWrites(() => call(createClaim, { method: "POST", params, body: { text: "   " }, headers: editor.headers }));
    expect(empty.body.error.issues[0]).toEqual({ path: "text", message: "A claim must not be empty" });
    const unknownField = await expectNoWrites(() => call(createClaim, { method: "POST", params, body: { text: "ok", rank: 1 }, headers: editor.headers }));
    expect(unknownField.status).toBe(400);
    const broken = await expectNoWrites(() => call(createClaim, { method: "POST", params, rawBody: "{not json", headers: editor.headers }));
    expect(broken).toEqual({ status: 400, body: { error: { code: "BAD_REQUEST", message: "The request body is not valid JSON." } } });
    const noBody = await expectNoWrites(() => call(createClaim, { method: "POST", params, headers: { authorization: editor.headers.authorization } }));
    expect(noBody.status).toBe(400);
    expect(noBody.body.error.issues).toEqual([{ path: "text", message: "A claim must be text" }]);
    const noVersion = await expectNoWrites(() => call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claimId }, body: { text: "no version" }, headers: editor.headers }));
    expect(noVersion.body.error.issues[0].path).toBe("version");
  });
});

describe("excerpts and evidence", () => {
  const passage = (text: string, from: string, length: number) => {
    const start = text.indexOf(from);
    return { start, end: start + length, exact: text.slice(start, start + length) };
  };

  it("anchors a selected passage and links it to a claim as evidence, changing the matrix", async () => {
    const authorId = (await db().source.findUniqueOrThrow({ where: { id: ecfr.id } })).authorId;
    const cellBefore = (await call(getMatrix, { params })).body.claims.find((c: { id: string }) => c.id === claimId).positions[authorId];
    const selector = passage(ecfr.text, "Recently, Russia has sought to frame the SCO", 70);
    const created = await call(createExcerpt, {
      method: "POST",
      params,
      body: { sourceId: ecfr.id, selector, evidence: [{ claimId, stance: "OPPOSES", voice: "AUTHOR", note: "Framing is Russia's, not ECFR's." }] },
      headers: editor.headers,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sourceId: ecfr.id, start: selector.start, end: selector.end, exact: selector.exact });
    expect(created.body.prefix).toBe(ecfr.text.slice(selector.start - 32, selector.start));
    expect(created.body.evidence).toHaveLength(1);
    const cellAfter = (await call(getMatrix, { params })).body.claims.find((c: { id: string }) => c.id === claimId).positions[authorId];
    expect(cellAfter.evidenceCount).toBe(cellBefore.evidenceCount + 1);
    const events = await db().event.findMany({ where: { entityId: { in: [created.body.id, created.body.evidence[0].id] } } });
    expect(events.map((e) => e.type).sort()).toEqual(["evidence.created", "excerpt.created"]);
  });

  it("anchors from a quote alone, using prefix or suffix when the quote repeats", async () => {
    const text = ecfr.text;
    const repeated = "the SCO";
    expect(text.split(repeated).length - 1).toBeGreaterThan(2);
    const ambiguous = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: { exact: repeated } }, headers: editor.headers }));
    expect(ambiguous.status).toBe(422);
    const occurrences = text.split(repeated).length - 1;
    expect(ambiguous.body.error.message).toContain(`occurs ${occurrences} times`);
    // The first ten are listed, each with its offsets and context.
    expect(ambiguous.body.error.issues.length).toBe(Math.min(occurrences, 10));

    const at = text.indexOf(repeated, text.length / 2);
    const prefix = text.slice(at - 20, at);
    const anchored = await call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: { exact: repeated, prefix } }, headers: editor.headers });
    expect(anchored.status).toBe(201);
    expect(anchored.body.start).toBe(at);
  });

  it("places a quote copied with line breaks, other quotation marks and a hyphenated word, and one with a typo, storing the source's own text", async () => {
    const text = ecfr.text;
    const original = "Recently, Russia has sought to frame the SCO as a sort of anti-NATO. It has pushed for a reinforcement of the organisation’s military dimension";
    const start = text.indexOf(original);
    expect(start).toBeGreaterThan(0);
    const copied = original.replace("organisation’s", "organ-\nisation's").replace(/ (sort|pushed|military) /g, "\n$1 ");
    const placed = await call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: { exact: copied }, evidence: [{ claimId, stance: "QUALIFIES" }] }, headers: editor.headers });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ start, end: start + original.length, exact: original, anchorMethod: "normalised", anchorScore: 1, anchoring: { method: "normalised", score: 1 } });
    const stored = await db().excerpt.findUniqueOrThrow({ where: { id: placed.body.id } });
    expect(stored).toMatchObject({ exact: text.slice(stored.start, stored.end), anchorMethod: "normalised", anchorScore: 1 });

    const typo = original.replace("reinforcement", "reinforcemnet").slice(0, 120);
    const fuzzy = await call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: { exact: typo } }, headers: editor.headers });
    expect(fuzzy.status).toBe(201);
    expect(fuzzy.body).toMatchObject({ start, exact: text.slice(start, fuzzy.body.end), anchorMethod: "fuzzy", anchoring: { method: "fuzzy" } });
    expect(fuzzy.body.anchoring.score).toBeGreaterThan(0.95);
    expect(fuzzy.body.anchoring.score).toBeLessThan(1);
    const source = await call(getSourceRoute, { params: { slug: SLUG, id: ecfr.id } });
    expect(source.body.excerpts.find((x: { id: string }) => x.id === fuzzy.body.id).anchoring).toEqual(fuzzy.body.anchoring);
  });

  it("rejects a selector whose quote does not match the text at its offsets (422) and writes nothing", async () => {
    const selector = passage(ecfr.text, "Recently, Russia has sought to frame the SCO", 40);
    const shifted = { ...selector, start: selector.start + 1, end: selector.end + 1 };
    const result = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: shifted, evidence: [{ claimId, stance: "SUPPORTS" }] }, headers: editor.headers }));
    expect(result.status).toBe(422);
    expect(result.body.error.message).toMatch(/does not match the source/);
    const missing = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: { exact: "words that are not in this article" } }, headers: editor.headers }));
    expect(missing.status).toBe(422);
  });

  it("reuses the excerpt of a passage selected again, and refuses a link that exists (409) or a claim named twice (400)", async () => {
    const selector = passage(ecfr.text, "Recently, Russia has sought to frame the SCO", 55);
    const other = (await call(createClaim, { method: "POST", params, body: { text: "Russia frames the SCO." }, headers: editor.headers })).body;
    const first = await call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector, evidence: [{ claimId, stance: "SUPPORTS" }] }, headers: editor.headers });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      sourceId: ecfr.id,
      ...selector,
      prefix: ecfr.text.slice(selector.start - 32, selector.start),
      suffix: ecfr.text.slice(selector.end, selector.end + 32),
      anchorMethod: "exact",
      anchorScore: 1,
      version: 1,
      deletedAt: null,
      // A source without pages (pasted text): its excerpts have no page.
      page: null,
      evidence: [{ id: expect.any(String), excerptId: first.body.id, claimId, stance: "SUPPORTS", voice: "AUTHOR", note: null, version: 1, deletedAt: null }],
      anchoring: { method: "exact", score: 1 },
    });

    const before = await countRows();
    const again = await call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector, evidence: [{ claimId: other.id, stance: "QUALIFIES", voice: "REPORTED", note: "Second link." }] }, headers: editor.headers });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.evidence).toEqual([expect.objectContaining({ claimId: other.id, stance: "QUALIFIES", voice: "REPORTED", note: "Second link." })]);
    const after = await countRows();
    expect([after.excerpt, after.evidence, after.event]).toEqual([before.excerpt, before.evidence + 1, before.event + 1]);
    const events = await db().event.findMany({ where: { entityId: again.body.evidence[0].id } });
    expect(events).toMatchObject([{ type: "evidence.created", before: null, after: { id: again.body.evidence[0].id, claimId: other.id, note: "Second link." } }]);

    const linked = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector, evidence: [{ claimId, stance: "OPPOSES" }] }, headers: editor.headers }));
    expect(linked.status).toBe(409);
    const twice = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector: { ...selector, end: selector.end - 1, exact: selector.exact.slice(0, -1) }, evidence: [{ claimId: other.id, stance: "SUPPORTS" }, { claimId: other.id, stance: "OPPOSES" }] }, headers: editor.headers }));
    expect(twice.status).toBe(400);
  });

  it("answers 404 for a claim or source of another workspace, and writes nothing", async () => {
    const other = await db().workspace.create({ data: { slug: `other-${Date.now()}`, title: "Other", visibility: "PUBLIC" } });
    const foreignClaim = await db().claim.create({ data: { workspaceId: other.id, text: "Foreign", rank: 1 } });
    const selector = passage(ecfr.text, "Recently, Russia has sought to frame the SCO", 30);
    const result = await expectNoWrites(() => call(createExcerpt, { method: "POST", params, body: { sourceId: ecfr.id, selector, evidence: [{ claimId: foreignClaim.id, stance: "SUPPORTS" }] }, headers: editor.headers }));
    expect(result).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "Claim was not found." } } });
  });

  it("edits evidence with its version and refuses a stale one", async () => {
    const evidence = await db().evidence.findFirstOrThrow({ where: { claimId, deletedAt: null } });
    const ok = await call(patchEvidence, { method: "PATCH", params: { slug: SLUG, id: evidence.id }, body: { version: evidence.version, note: "Re-read in seminar." }, headers: editor.headers });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ note: "Re-read in seminar.", version: evidence.version + 1 });
    const stale = await expectNoWrites(() => call(patchEvidence, { method: "PATCH", params: { slug: SLUG, id: evidence.id }, body: { version: evidence.version, stance: "QUALIFIES" }, headers: editor.headers }));
    expect(stale.status).toBe(409);
  });
});

describe("explicit positions", () => {
  it("sets a position by hand that wins in the matrix and is marked", async () => {
    const katz = await db().author.findFirstOrThrow({ where: { shortName: "Katz" } });
    const result = await call(setPosition, { method: "PUT", params, body: { claimId, authorId: katz.id, stance: "OPPOSES", note: "Implied by his conclusion." }, headers: editor.headers });
    expect(result.status).toBe(200);
    const cell = (await call(getMatrix, { params })).body.claims.find((c: { id: string }) => c.id === claimId).positions[katz.id];
    expect(cell).toMatchObject({ stance: "OPPOSES", explicit: true, derived: "SILENT", note: "Implied by his conclusion." });
    const again = await expectNoWrites(() => call(setPosition, { method: "PUT", params, body: { claimId, authorId: katz.id, stance: "SUPPORTS" }, headers: editor.headers }));
    expect(again.status).toBe(409);
  });
});

describe("sources", () => {
  it("adds a source, reusing an author with the same name", async () => {
    const body = { title: "A later view", author: { name: "Mark N. Katz" }, published: "2015-03", text: "The SCO has matured.\n\nIt is still not an alliance." };
    const result = await call(createSource, { method: "POST", params, body, headers: editor.headers });
    expect(result.status).toBe(201);
    const katz = await db().author.findFirstOrThrow({ where: { name: "Mark N. Katz" } });
    expect(result.body).toEqual({ id: expect.any(String), authorId: katz.id });
    // Other files read the demo's five sources: leave it as seeded.
    await db().source.update({ where: { id: result.body.id }, data: { deletedAt: new Date() } });
  });

  it("refuses a text over 2 MB with 413 and a bad date with 400, writing nothing", async () => {
    const big = await expectNoWrites(() => call(createSource, { method: "POST", params, body: { title: "Huge", author: { name: "X" }, published: "2020", text: "a".repeat(2 * 1024 * 1024 + 1) }, headers: editor.headers }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const badDate = await expectNoWrites(() => call(createSource, { method: "POST", params, body: { title: "Bad", author: { name: "X" }, published: "2020-02-30", text: "t" }, headers: editor.headers }));
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.issues[0].path).toBe("published");
  });
});

describe("Idempotency-Key", () => {
  it("returns the first answer to a retry and writes nothing new", async () => {
    const headers = { ...editor.headers, "idempotency-key": `retry-${Date.now()}` };
    const first = await call(createClaim, { method: "POST", params, body: { text: "Sent twice." }, headers });
    expect(first.status).toBe(201);
    const second = await expectNoWrites(() => call(createClaim, { method: "POST", params, body: { text: "Sent twice." }, headers }));
    expect(second).toEqual(first);
    expect(await db().claim.count({ where: { text: "Sent twice." } })).toBe(1);
  });

  it("refuses a key reused for a different request", async () => {
    const headers = { ...editor.headers, "idempotency-key": `reuse-${Date.now()}` };
    await call(createClaim, { method: "POST", params, body: { text: "First body." }, headers });
    const reused = await expectNoWrites(() => call(createClaim, { method: "POST", params, body: { text: "Other body." }, headers }));
    expect(reused.status).toBe(422);
  });

  it("serialises concurrent retries: one write, the same answer twice", async () => {
    const headers = { ...editor.headers, "idempotency-key": `race-${Date.now()}` };
    const [a, b] = await Promise.all([
      call(createClaim, { method: "POST", params, body: { text: "Raced." }, headers }),
      call(createClaim, { method: "POST", params, body: { text: "Raced." }, headers }),
    ]);
    expect(a).toEqual(b);
    expect(await db().claim.count({ where: { text: "Raced." } })).toBe(1);
  });
});

describe("claim links and order", () => {
  it("links two claims once, refuses a self-link, and deletes the link softly", async () => {
    const a = (await call(createClaim, { method: "POST", params, body: { text: "Premise." }, headers: editor.headers })).body;
    const b = (await call(createClaim, { method: "POST", params, body: { text: "Conclusion." }, headers: editor.headers })).body;
    const link = await call(createLink, { method: "POST", params, body: { from: a.id, to: b.id, relation: "SUPPORTS" }, headers: editor.headers });
    expect(link.status).toBe(201);
    expect((await expectNoWrites(() => call(createLink, { method: "POST", params, body: { from: a.id, to: b.id, relation: "OPPOSES" }, headers: editor.headers }))).status).toBe(409);
    expect((await expectNoWrites(() => call(createLink, { method: "POST", params, body: { from: a.id, to: a.id, relation: "OPPOSES" }, headers: editor.headers }))).status).toBe(422);
    const claimView = await call(getClaimRoute, { params: { slug: SLUG, id: b.id } });
    expect(claimView.body.links).toEqual([{ id: link.body.id, version: 1, relation: "SUPPORTS", direction: "in", claim: { id: a.id, text: "Premise." } }]);
    expect((await call(deleteLink, { method: "DELETE", params: { slug: SLUG, id: link.body.id }, body: { version: link.body.version }, headers: { authorization: editor.headers.authorization } })).status).toBe(200);
    expect((await call(getClaimRoute, { params: { slug: SLUG, id: b.id } })).body.links).toEqual([]);
  });

  it("reorders the claims when every claim is listed once, and refuses anything else", async () => {
    const matrix = (await call(getMatrix, { params })).body as { claims: { id: string }[] };
    const reversed = matrix.claims.map((c) => c.id).reverse();
    expect((await expectNoWrites(() => call(reorder, { method: "PUT", params, body: { order: reversed.slice(1) }, headers: editor.headers }))).status).toBe(422);
    expect((await call(reorder, { method: "PUT", params, body: { order: reversed }, headers: editor.headers })).status).toBe(200);
    expect(((await call(getMatrix, { params })).body as { claims: { id: string }[] }).claims.map((c) => c.id)).toEqual(reversed);
  });
});
