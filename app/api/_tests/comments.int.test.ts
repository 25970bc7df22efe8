/**
 * Comment threads over HTTP against PostgreSQL: who may comment, edit, delete and resolve; the
 * one-level thread rules; validation; stale edits; soft deletes shown as placeholders; Events;
 * and that a refused request writes nothing. The tests work in a workspace of their own, so the
 * demo stays as seeded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, countRows, type TActor } from "@/lib/testing/actors";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { call } from "@/lib/testing/call";
import { POST as createWorkspace } from "../workspaces/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { GET as getClaim, PATCH as patchClaim, DELETE as deleteClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { DELETE as deleteEvidence } from "../workspaces/[slug]/evidence/[id]/route";
import { GET as listComments, POST as postComment } from "../workspaces/[slug]/comments/route";
import { PATCH as patchComment, DELETE as deleteComment } from "../workspaces/[slug]/comments/[id]/route";
import { POST as resolveComment } from "../workspaces/[slug]/comments/[id]/resolve/route";
import { GET as search } from "../workspaces/[slug]/search/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";
import { GET as exportWorkspace } from "../workspaces/[slug]/export/route";
import { GET as getHistory } from "../workspaces/[slug]/history/route";
import { POST as importWorkspace } from "../workspaces/import/route";
import type { TNativeDocument } from "@/lib/schemas/native-document";

const SLUG = "comment-seminar";
const params = { slug: SLUG };
let owner: TActor;
let editor: TActor;
let commenter: TActor;
let commenter2: TActor;
let viewer: TActor;
let outsider: TActor;
let claimId: string;
let claim: { id: string; version: number };
let excerptId: string;
let evidenceId: string;
let demoClaimId: string;

const ZERO_UUID = "00000000-0000-4000-8000-000000000000";
const path = (query: string) => `/api/workspaces/${SLUG}/comments${query}`;

/** Runs `request` and checks it wrote nothing at all. */
const post = (actor: TActor, body: unknown, headers: Record<string, string> = {}) => call(postComment, { method: "POST", params, body, headers: { ...actor.headers, ...headers } });
const patch = (actor: TActor, id: string, body: unknown) => call(patchComment, { method: "PATCH", params: { slug: SLUG, id }, body, headers: actor.headers });
const remove = (actor: TActor, id: string, body: unknown) => call(deleteComment, { method: "DELETE", params: { slug: SLUG, id }, body, headers: actor.headers });
const resolve = (actor: TActor, id: string, body: unknown) => call(resolveComment, { method: "POST", params: { slug: SLUG, id }, body, headers: actor.headers });
const list = (query: string, actor?: TActor) => call(listComments, { path: path(query), params, headers: actor ? { authorization: actor.headers.authorization } : {} });

const onClaim = (body: string, extra: Record<string, unknown> = {}) => ({ target: { type: "claim", id: claimId }, body, ...extra });

beforeAll(async () => {
  owner = await createActor(null, null, "Olga Owner");
  const created = await call(createWorkspace, { method: "POST", body: { title: "Comment seminar", slug: SLUG, visibility: "PUBLIC" }, headers: owner.headers });
  expect(created.status).toBe(201);
  [editor, commenter, commenter2, viewer, outsider] = await Promise.all([
    createActor(SLUG, "EDITOR", "Edda Editor"),
    createActor(SLUG, "COMMENTER", "Carl Commenter"),
    createActor(SLUG, "COMMENTER", "Cora Commenter"),
    createActor(SLUG, "VIEWER", "Vera Viewer"),
    createActor(null, null, "Otto Outsider"),
  ]);
  const source = await call(createSource, {
    method: "POST",
    params,
    body: { title: "On regional blocs", author: { name: "Ada Analyst" }, published: "2021-05", text: "Regional blocs rarely act as one.\n\nThe bloc is a talk shop, some say." },
    headers: owner.headers,
  });
  expect(source.status).toBe(201);
  const newClaim = await call(createClaim, { method: "POST", params, body: { text: "The bloc is a talk shop." }, headers: owner.headers });
  claim = newClaim.body;
  claimId = claim.id;
  const excerpt = await call(createExcerpt, {
    method: "POST",
    params,
    body: { sourceId: source.body.id, selector: { exact: "The bloc is a talk shop" }, evidence: [{ claimId, stance: "SUPPORTS", voice: "AUTHOR" }] },
    headers: owner.headers,
  });
  expect(excerpt.status).toBe(201);
  excerptId = excerpt.body.id;
  evidenceId = excerpt.body.evidence[0].id;
  demoClaimId = (await db().claim.findFirstOrThrow({ where: { workspace: { slug: "sco-debate" } }, select: { id: true } })).id;
});

describe("who may comment", () => {
  it("asks anonymous callers to sign in (401) and refuses viewers and non-members (403), writing nothing", async () => {
    const body = onClaim("Hello");
    const anonymous = await expectNoWrites(() => call(postComment, { method: "POST", params, body, headers: { "content-type": "application/json" } }));
    expect(anonymous.status).toBe(401);
    const asViewer = await expectNoWrites(() => post(viewer, body));
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.error.message).toMatch(/viewer/);
    const asOutsider = await expectNoWrites(() => post(outsider, body));
    expect(asOutsider.status).toBe(403);
  });

  it("lets a commenter comment but not edit or delete claims", async () => {
    const before = await countRows();
    const created = await post(commenter, onClaim("  I am not sure this holds.  "));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ claimId, excerptId: null, evidenceId: null, parentId: null, authorId: commenter.userId, body: "I am not sure this holds.", version: 1, deletedAt: null, resolvedAt: null });
    const after = await countRows();
    expect(after.comment).toBe(before.comment + 1);
    expect(after.event).toBe(before.event + 1);
    const event = await db().event.findFirstOrThrow({ where: { entityId: created.body.id } });
    expect(event).toMatchObject({ type: "comment.created", entityType: "comment", actorId: commenter.userId });
    expect(event.after).toMatchObject({ body: "I am not sure this holds.", claimId });

    const edit = await expectNoWrites(() => call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claimId }, body: { version: claim.version, text: "Changed." }, headers: commenter.headers }));
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/commenter/);
    const del = await expectNoWrites(() => call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: claimId }, body: { version: claim.version }, headers: commenter.headers }));
    expect(del.status).toBe(403);
    const newClaim = await expectNoWrites(() => call(createClaim, { method: "POST", params, body: { text: "A commenter's claim." }, headers: commenter.headers }));
    expect(newClaim.status).toBe(403);
  });

  it("comments on an excerpt and on an evidence link", async () => {
    const onExcerpt = await post(editor, { target: { type: "excerpt", id: excerptId }, body: "Is this the author's own view?" });
    expect(onExcerpt.status).toBe(201);
    expect(onExcerpt.body).toMatchObject({ excerptId, claimId: null, evidenceId: null });
    const onEvidence = await post(commenter2, { target: { type: "evidence", id: evidenceId }, body: "This reads as reported speech to me." });
    expect(onEvidence.status).toBe(201);
    expect(onEvidence.body).toMatchObject({ evidenceId, claimId: null, excerptId: null });
    const threads = await list(`?evidenceId=${evidenceId}`);
    expect(threads.body.threads.map((t: { body: string }) => t.body)).toEqual(["This reads as reported speech to me."]);
    const excerptThreads = await list(`?excerptId=${excerptId}`);
    expect(excerptThreads.body.threads.map((t: { body: string }) => t.body)).toEqual(["Is this the author's own view?"]);
  });

  it("replays a retried POST with the same Idempotency-Key without writing again", async () => {
    const headers = { "idempotency-key": "comment-retry-1" };
    const first = await post(commenter, onClaim("Posted once."), headers);
    expect(first.status).toBe(201);
    const retry = await expectNoWrites(() => post(commenter, onClaim("Posted once."), headers));
    expect(retry).toEqual(first);
  });
});

describe("validation and targets", () => {
  it("names what is wrong with the body (400) and writes nothing", async () => {
    const blank = await expectNoWrites(() => post(commenter, onClaim("   \n  ")));
    expect(blank.status).toBe(400);
    expect(blank.body.error.issues).toEqual([{ path: "body", message: "A comment must not be empty" }]);
    const long = await expectNoWrites(() => post(commenter, onClaim("x".repeat(5001))));
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toEqual([{ path: "body", message: "A comment must be at most 5,000 characters" }]);
    const nul = await expectNoWrites(() => post(commenter, onClaim("a\u0000b")));
    expect(nul.body.error.issues).toEqual([{ path: "body", message: "A comment must not contain NUL characters" }]);
    const badType = await expectNoWrites(() => post(commenter, { target: { type: "source", id: claimId }, body: "x" }));
    expect(badType.status).toBe(400);
    expect(badType.body.error.issues[0].path).toBe("target.type");
    const badId = await expectNoWrites(() => post(commenter, { target: { type: "claim", id: "42" }, body: "x" }));
    expect(badId.body.error.issues[0].path).toBe("target.id");
    const missing = await expectNoWrites(() => post(commenter, { body: "x" }));
    expect(missing.body.error.issues[0].path).toBe("target");
    const extra = await expectNoWrites(() => post(commenter, { ...onClaim("x"), html: true }));
    expect(extra.status).toBe(400);
    const broken = await expectNoWrites(() => call(postComment, { method: "POST", params, rawBody: "{not json", headers: commenter.headers }));
    expect(broken.status).toBe(400);
  });

  it("keeps a body of exactly 5,000 characters and stores markup as the text it is", async () => {
    const full = await post(commenter, onClaim("y".repeat(5000)));
    expect(full.status).toBe(201);
    expect(full.body.body).toHaveLength(5000);
    const markup = await post(commenter, onClaim("<img src=x onerror=alert(1)>"));
    expect(markup.body.body).toBe("<img src=x onerror=alert(1)>");
  });

  it("answers 404 for an unknown target, another workspace's, or a deleted one, writing nothing", async () => {
    const unknown = await expectNoWrites(() => post(commenter, { target: { type: "claim", id: ZERO_UUID }, body: "x" }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe("Claim was not found.");
    const foreign = await expectNoWrites(() => post(commenter, { target: { type: "claim", id: demoClaimId }, body: "x" }));
    expect(foreign.status).toBe(404);
    expect((await expectNoWrites(() => post(commenter, { target: { type: "excerpt", id: ZERO_UUID }, body: "x" }))).status).toBe(404);
    expect((await expectNoWrites(() => post(commenter, { target: { type: "evidence", id: ZERO_UUID }, body: "x" }))).status).toBe(404);

    const doomed = await call(createClaim, { method: "POST", params, body: { text: "A claim about to go." }, headers: owner.headers });
    await call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: doomed.body.id }, body: { version: doomed.body.version }, headers: owner.headers });
    const onDeleted = await expectNoWrites(() => post(commenter, { target: { type: "claim", id: doomed.body.id }, body: "x" }));
    expect(onDeleted.status).toBe(404);
    expect((await list(`?claimId=${doomed.body.id}`)).status).toBe(404);
  });

  it("hides an unlinked evidence link's threads with it", async () => {
    const source = await db().excerpt.findUniqueOrThrow({ where: { id: excerptId }, select: { sourceId: true } });
    const excerpt = await call(createExcerpt, {
      method: "POST",
      params,
      body: { sourceId: source.sourceId, selector: { exact: "Regional blocs rarely act as one." }, evidence: [{ claimId, stance: "OPPOSES", voice: "AUTHOR" }] },
      headers: owner.headers,
    });
    const linkId = excerpt.body.evidence[0].id;
    expect((await post(commenter, { target: { type: "evidence", id: linkId }, body: "Why opposes?" })).status).toBe(201);
    await call(deleteEvidence, { method: "DELETE", params: { slug: SLUG, id: linkId }, body: { version: excerpt.body.evidence[0].version }, headers: owner.headers });
    expect((await list(`?evidenceId=${linkId}`)).status).toBe(404);
    expect((await expectNoWrites(() => post(commenter, { target: { type: "evidence", id: linkId }, body: "x" }))).status).toBe(404);
  });
});

describe("threads", () => {
  it("replies in a thread, one level deep and on the thread's target only", async () => {
    const root = await post(commenter, onClaim("Which members would agree?"));
    const reply = await post(editor, onClaim("Russia, at least in 2022.", { parentId: root.body.id }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: root.body.id, claimId });

    const nested = await expectNoWrites(() => post(commenter, onClaim("A reply to a reply.", { parentId: reply.body.id })));
    expect(nested.status).toBe(422);
    expect(nested.body.error.message).toMatch(/one level deep/);
    const elsewhere = await expectNoWrites(() => post(commenter, { target: { type: "excerpt", id: excerptId }, body: "Wrong target.", parentId: root.body.id }));
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.issues[0].path).toBe("target");
    const orphan = await expectNoWrites(() => post(commenter, onClaim("To nobody.", { parentId: ZERO_UUID })));
    expect(orphan.status).toBe(404);

    const threads = await list(`?claimId=${claimId}`, commenter);
    expect(threads.status).toBe(200);
    const thread = threads.body.threads.find((t: { id: string }) => t.id === root.body.id);
    expect(thread).toMatchObject({
      body: "Which members would agree?",
      author: { id: commenter.userId, name: "Carl Commenter" },
      mine: true,
      canEdit: true,
      canDelete: true,
      canResolve: true,
      canReply: true,
      resolved: null,
      version: 1,
      editedAt: null,
      replies: [{ id: reply.body.id, body: "Russia, at least in 2022.", author: { name: "Edda Editor" }, mine: false, canEdit: false, canDelete: false }],
    });
    expect(new Date(thread.createdAt).getTime()).toBeLessThanOrEqual(new Date(thread.replies[0].createdAt).getTime());
    expect(threads.body.canComment).toBe(true);
  });

  it("lists threads for anyone who may read, with no actions for readers", async () => {
    const anonymous = await list(`?claimId=${claimId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.canComment).toBe(false);
    expect(anonymous.body.count).toBeGreaterThan(0);
    for (const thread of anonymous.body.threads) expect(thread).toMatchObject({ mine: false, canEdit: false, canDelete: false, canResolve: false, canReply: false });
    const asViewer = await list(`?claimId=${claimId}`, viewer);
    expect(asViewer.body.canComment).toBe(false);
    // The owner may delete anyone's comment but edit none but their own.
    const asOwner = await list(`?claimId=${claimId}`, owner);
    for (const thread of asOwner.body.threads) expect(thread).toMatchObject({ canEdit: false, canDelete: true, canResolve: true });
  });

  it("asks for exactly one target (400) and hides a private workspace (404)", async () => {
    expect((await list("")).status).toBe(400);
    const both = await list(`?claimId=${claimId}&excerptId=${excerptId}`);
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/exactly one target/);
    expect((await list("?claimId=nope")).status).toBe(400);
    expect((await list(`?claimId=${ZERO_UUID}`)).status).toBe(404);
    await call(createWorkspace, { method: "POST", body: { title: "Closed comments", slug: "closed-comments", visibility: "PRIVATE" }, headers: owner.headers });
    const hidden = await call(listComments, { path: `/api/workspaces/closed-comments/comments?claimId=${claimId}`, params: { slug: "closed-comments" }, headers: { authorization: outsider.headers.authorization } });
    expect(hidden.status).toBe(404);
  });

  it("shows the claim's threads and each evidence link's count in the claim API", async () => {
    const detail = await call(getClaim, { params: { slug: SLUG, id: claimId }, headers: { authorization: commenter.headers.authorization } });
    expect(detail.status).toBe(200);
    const live = await db().comment.count({ where: { claimId, deletedAt: null } });
    expect(detail.body.comments.count).toBe(live);
    expect(detail.body.comments.target).toEqual({ type: "claim", id: claimId });
    expect(detail.body.comments.canComment).toBe(true);
    expect(detail.body.comments.threads.some((t: { mine: boolean }) => t.mine)).toBe(true);
    expect(detail.body.comments.byEvidence).toEqual({ [evidenceId]: await db().comment.count({ where: { evidenceId, deletedAt: null } }) });
  });
});

describe("editing", () => {
  it("lets the author edit with the version, recording the change", async () => {
    const created = await post(commenter, onClaim("Frist draft."));
    const before = await countRows();
    const edited = await patch(commenter, created.body.id, { version: 1, body: "First draft." });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: "First draft.", version: 2 });
    expect(edited.body.editedAt).not.toBeNull();
    const after = await countRows();
    expect(after.event).toBe(before.event + 1);
    expect(after.comment).toBe(before.comment);
    const event = await db().event.findFirstOrThrow({ where: { entityId: created.body.id, type: "comment.updated" } });
    expect(event).toMatchObject({ actorId: commenter.userId, before: expect.objectContaining({ body: "Frist draft." }), after: expect.objectContaining({ body: "First draft." }) });
    const shown = (await list(`?claimId=${claimId}`)).body.threads.find((t: { id: string }) => t.id === created.body.id);
    expect(shown).toMatchObject({ body: "First draft.", version: 2 });
    expect(shown.editedAt).not.toBeNull();
  });

  it("refuses anyone else, even the owner (403), a stale version (409 with the current text) and a bad body (400)", async () => {
    const created = await post(commenter, onClaim("Mine to edit."));
    const id = created.body.id;
    expect((await expectNoWrites(() => patch(commenter2, id, { version: 1, body: "Hijacked." }))).status).toBe(403);
    const asOwner = await expectNoWrites(() => patch(owner, id, { version: 1, body: "Moderated." }));
    expect(asOwner.status).toBe(403);
    expect(asOwner.body.error.message).toBe("Only the author of a comment can edit it.");
    expect((await expectNoWrites(() => patch(viewer, id, { version: 1, body: "x" }))).status).toBe(403);

    await patch(commenter, id, { version: 1, body: "Edited in another tab." });
    const stale = await expectNoWrites(() => patch(commenter, id, { version: 1, body: "Edited here." }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("CONFLICT");
    expect(stale.body.error.current).toMatchObject({ id, version: 2, body: "Edited in another tab." });

    const blank = await expectNoWrites(() => patch(commenter, id, { version: 2, body: " " }));
    expect(blank.status).toBe(400);
    expect((await expectNoWrites(() => patch(commenter, id, { body: "no version" }))).status).toBe(400);
    expect((await expectNoWrites(() => patch(commenter, ZERO_UUID, { version: 1, body: "x" }))).status).toBe(404);
  });
});

describe("deleting", () => {
  it("soft-deletes: a first comment with replies stays as a placeholder without its text or author", async () => {
    const root = await post(commenter, onClaim("A thought I will take back."));
    const reply = await post(commenter2, onClaim("I disagree.", { parentId: root.body.id }));
    const before = await countRows();
    const deleted = await remove(commenter, root.body.id, { version: 1 });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: root.body.id, version: 2, body: null });
    expect(deleted.body.deletedAt).not.toBeNull();
    const after = await countRows();
    expect(after.comment).toBe(before.comment);
    expect(after.event).toBe(before.event + 1);
    expect((await db().event.findFirstOrThrow({ where: { entityId: root.body.id, type: "comment.deleted" } })).actorId).toBe(commenter.userId);

    const thread = (await list(`?claimId=${claimId}`, commenter)).body.threads.find((t: { id: string }) => t.id === root.body.id);
    expect(thread).toMatchObject({ deleted: true, body: null, author: null, canEdit: false, canDelete: false, canReply: false, replies: [{ id: reply.body.id, body: "I disagree." }] });
    expect(JSON.stringify(thread)).not.toContain("take back");
    expect((await expectNoWrites(() => remove(commenter, root.body.id, { version: 2 }))).status).toBe(404);

    expect((await expectNoWrites(() => post(commenter2, onClaim("Still there?", { parentId: root.body.id })))).status).toBe(404);

    // Its last reply gone, the placeholder goes too.
    await remove(commenter2, reply.body.id, { version: 1 });
    const ids = (await list(`?claimId=${claimId}`)).body.threads.map((t: { id: string }) => t.id);
    expect(ids).not.toContain(root.body.id);
  });

  it("takes the deleted text out of the history too: the log keeps that it was written, edited and deleted", async () => {
    const written = await post(commenter, onClaim("A confidential aside."));
    expect((await patch(commenter, written.body.id, { version: 1, body: "A confidential aside, reworded." })).status).toBe(200);
    const events = () => db().event.findMany({ where: { entityId: written.body.id }, orderBy: { id: "asc" } });
    const text = async () => JSON.stringify((await events()).map((e) => [e.before, e.after]));
    expect(await text()).toContain("confidential");
    expect((await remove(commenter, written.body.id, { version: 2 })).status).toBe(200);
    const logged = await events();
    expect(logged.map((e) => e.type)).toEqual(["comment.created", "comment.updated", "comment.deleted"]);
    expect(await text()).not.toContain("confidential");
    const history = await call(getHistory, { method: "GET", path: `/api/workspaces/${SLUG}/history?limit=100`, params, headers: owner.headers });
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).not.toContain("confidential");
  });

  it("lets the owner delete anyone's comment, but not another commenter or an editor (403); stale is 409", async () => {
    const created = await post(commenter, onClaim("Off-topic remark."));
    const id = created.body.id;
    expect((await expectNoWrites(() => remove(commenter2, id, { version: 1 }))).status).toBe(403);
    const asEditor = await expectNoWrites(() => remove(editor, id, { version: 1 }));
    expect(asEditor.status).toBe(403);
    expect(asEditor.body.error.message).toMatch(/author of a comment, or the workspace's owner/);
    const stale = await expectNoWrites(() => remove(owner, id, { version: 7 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id, version: 1, body: "Off-topic remark." });
    expect((await expectNoWrites(() => remove(owner, id, {}))).status).toBe(400);
    const byOwner = await remove(owner, id, { version: 1 });
    expect(byOwner.status).toBe(200);
    expect((await db().event.findFirstOrThrow({ where: { entityId: id, type: "comment.deleted" } })).actorId).toBe(owner.userId);
  });
});

describe("resolving", () => {
  it("resolves and reopens a thread, recording who and when", async () => {
    const root = await post(commenter, onClaim("Should we split this claim?"));
    const id = root.body.id;
    const before = await countRows();
    const resolved = await resolve(commenter, id, { version: 1, resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ version: 2, resolvedById: commenter.userId });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await countRows()).event).toBe(before.event + 1);
    expect(await db().event.findFirstOrThrow({ where: { entityId: id, type: "comment.resolved" } })).toMatchObject({ actorId: commenter.userId });

    const shown = (await list(`?claimId=${claimId}`)).body.threads.find((t: { id: string }) => t.id === id);
    expect(shown.resolved).toMatchObject({ by: { id: commenter.userId, name: "Carl Commenter" } });

    // Asking again for the state it is in changes nothing.
    const again = await expectNoWrites(() => resolve(commenter, id, { version: 2, resolved: true }));
    expect(again).toMatchObject({ status: 200, body: { version: 2 } });

    const reopened = await resolve(editor, id, { version: 2, resolved: false });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ version: 3, resolvedAt: null, resolvedById: null });
    expect(await db().event.findFirstOrThrow({ where: { entityId: id, type: "comment.reopened" } })).toMatchObject({ actorId: editor.userId });
  });

  it("refuses a reply (422), someone who did not start the thread (403) and a stale version (409)", async () => {
    const root = await post(commenter, onClaim("Is the wording too strong?"));
    const reply = await post(commenter2, onClaim("A little.", { parentId: root.body.id }));
    const onReply = await expectNoWrites(() => resolve(commenter2, reply.body.id, { version: 1, resolved: true }));
    expect(onReply.status).toBe(422);
    expect(onReply.body.error.message).toMatch(/not a reply/);
    expect((await expectNoWrites(() => resolve(commenter2, root.body.id, { version: 1, resolved: true }))).status).toBe(403);
    expect((await expectNoWrites(() => resolve(viewer, root.body.id, { version: 1, resolved: true }))).status).toBe(403);
    const stale = await expectNoWrites(() => resolve(owner, root.body.id, { version: 5, resolved: true }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: root.body.id, version: 1, resolvedAt: null });
    expect((await expectNoWrites(() => resolve(owner, root.body.id, { version: 1, resolved: "yes" }))).status).toBe(400);
    expect((await resolve(owner, root.body.id, { version: 1, resolved: true })).status).toBe(200);
  });
});

describe("the matrix", () => {
  it("counts live comments on each claim and on each cell's evidence, whole or in a window of rows", async () => {
    const liveOnClaim = await db().comment.count({ where: { claimId, deletedAt: null } });
    const liveOnEvidence = await db().comment.count({ where: { evidence: { claimId, deletedAt: null }, deletedAt: null } });
    expect(liveOnClaim).toBeGreaterThan(0);
    expect(liveOnEvidence).toBeGreaterThan(0);
    const author = await db().author.findFirstOrThrow({ where: { workspace: { slug: SLUG }, name: "Ada Analyst" } });
    for (const query of ["", "?offset=0&limit=5", "?controversy=one-sided"]) {
      const matrix = await call(getMatrix, { path: `/api/workspaces/${SLUG}/matrix${query}`, params });
      expect(matrix.status).toBe(200);
      const row = matrix.body.claims.find((c: { id: string }) => c.id === claimId);
      expect(row.comments, query).toEqual({ claim: liveOnClaim, byAuthor: { [author.id]: liveOnEvidence } });
    }
    // One more, then one fewer.
    const extra = await post(commenter, { target: { type: "evidence", id: evidenceId }, body: "Counted?" });
    const more = await call(getMatrix, { path: `/api/workspaces/${SLUG}/matrix`, params });
    expect(more.body.claims.find((c: { id: string }) => c.id === claimId).comments.byAuthor[author.id]).toBe(liveOnEvidence + 1);
    await remove(commenter, extra.body.id, { version: 1 });
    const fewer = await call(getMatrix, { path: `/api/workspaces/${SLUG}/matrix`, params });
    expect(fewer.body.claims.find((c: { id: string }) => c.id === claimId).comments.byAuthor[author.id]).toBe(liveOnEvidence);
  });
});

describe("search", () => {
  const find = async (q: string) => {
    const result = await call(search, { path: `/api/workspaces/${SLUG}/search?${new URLSearchParams({ q, kind: "comments" })}`, params });
    expect(result.status).toBe(200);
    return result.body.comments as { total: number; match: string; items: { id: string; author: string; target: { type: string; id: string }; claim: { id: string } | null; excerpt: { id: string } | null; fragment: { text: string; marks: { start: number; end: number }[] } }[] };
  };

  it("finds live comments by their words, with what they are on, and leaves deleted ones out", async () => {
    const onClaimHit = await post(commenter, onClaim("The Zanzibarian reading of the charter is a stretch."));
    const onEvidenceHit = await post(commenter2, { target: { type: "evidence", id: evidenceId }, body: "A Zanzibarian would read this passage differently." });
    const gone = await post(commenter, onClaim("Zanzibarian thoughts, taken back."));
    await remove(commenter, gone.body.id, { version: 1 });

    const found = await find("zanzibarian");
    expect(found.match).toBe("words");
    expect(found.items.map((i) => i.id).sort()).toEqual([onClaimHit.body.id, onEvidenceHit.body.id].sort());
    expect(found.total).toBe(2);
    const claimHit = found.items.find((i) => i.id === onClaimHit.body.id)!;
    expect(claimHit).toMatchObject({ author: "Carl Commenter", target: { type: "claim", id: claimId }, claim: { id: claimId }, excerpt: null });
    expect(claimHit.fragment.text.slice(claimHit.fragment.marks[0].start, claimHit.fragment.marks[0].end)).toBe("Zanzibarian");
    const evidenceHit = found.items.find((i) => i.id === onEvidenceHit.body.id)!;
    expect(evidenceHit).toMatchObject({ target: { type: "evidence", id: evidenceId }, claim: { id: claimId }, excerpt: { id: excerptId } });
  });

  it("leaves out comments on a deleted claim, and never searches another workspace's", async () => {
    const other = await call(createClaim, { method: "POST", params, body: { text: "A claim with a Quixotical discussion." }, headers: owner.headers });
    await post(commenter, { target: { type: "claim", id: other.body.id }, body: "Quixotical indeed." });
    expect((await find("quixotical")).total).toBe(1);
    await call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: other.body.id }, body: { version: other.body.version }, headers: owner.headers });
    expect((await find("quixotical")).total).toBe(0);
    // "Why opposes?" is on an evidence link that was unlinked.
    expect(await db().comment.count({ where: { body: "Why opposes?", deletedAt: null } })).toBe(1);
    expect((await find("opposes")).total).toBe(0);
    const demo = await call(search, { path: `/api/workspaces/sco-debate/search?q=zanzibarian&kind=comments`, params: { slug: "sco-debate" } });
    expect(demo.body.comments.total).toBe(0);
  });
});

describe("the native document", () => {
  const exportJson = async (slug: string, query: string, actor: TActor = owner) => {
    const response = await exportWorkspace(new Request(`http://localhost/api/workspaces/${slug}/export?format=json${query}`, { headers: { authorization: actor.headers.authorization } }), {
      params: Promise.resolve({ slug }),
    });
    expect(response.status).toBe(200);
    return JSON.parse(await response.text()) as TNativeDocument;
  };

  /** Every id replaced by its list and place, and what an import renews dropped. */
  function normalise(doc: TNativeDocument) {
    const names = new Map<string, string>();
    for (const list of ["authors", "sources", "claims", "claimLinks", "excerpts", "evidence", "comments"] as const) (doc[list] ?? []).forEach((row, i) => names.set(row.id, `${list}#${i}`));
    const rename = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rename);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, (k === "id" || k.endsWith("Id")) && typeof v === "string" ? (names.get(v) ?? `unknown:${v}`) : rename(v)]));
      return value;
    };
    const { exportedAt: _at, workspace, ...rest } = doc;
    return { ...(rename(rest) as object), workspace: { ...workspace, slug: "(slug)" } };
  }

  it("leaves comments out unless asked, and brings the visible discussion when asked", async () => {
    expect(await exportJson(SLUG, "")).not.toHaveProperty("comments");
    const doc = await exportJson(SLUG, "&comments=1");
    const comments = doc.comments!;
    // Every live comment on a live target, and the deleted thread starts that still have replies.
    const live = await db().comment.count({
      where: {
        workspace: { slug: SLUG },
        deletedAt: null,
        OR: [{ claim: { deletedAt: null } }, { excerpt: { deletedAt: null } }, { evidence: { deletedAt: null } }],
      },
    });
    expect(comments.filter((c) => c.body !== null)).toHaveLength(live);
    const placeholders = comments.filter((c) => c.body === null);
    for (const p of placeholders) {
      expect(p).toMatchObject({ author: null, parentId: null, editedAt: null });
      expect(comments.some((c) => c.parentId === p.id)).toBe(true);
    }
    expect(comments.some((c) => c.target.type === "evidence" && c.target.id === evidenceId)).toBe(true);
    expect(comments.some((c) => c.resolved?.by === "Olga Owner")).toBe(true);
    expect(comments.find((c) => c.body === "First draft.")?.editedAt).not.toBeNull();
    const times = comments.map((c) => c.createdAt);
    expect(times).toEqual([...times].sort());
  });

  it("round trip: export with comments → import → export gives the same document; the importer owns the comments, the names are kept", async () => {
    const importer = await createActor(null, null, "Ivo Importer");
    const first = await exportJson(SLUG, "&comments=1");
    const imported = await call(importWorkspace, { method: "POST", path: "/api/workspaces/import", headers: importer.headers, body: first });
    expect(imported.status).toBe(201);
    expect(imported.body.counts.comments).toBe(first.comments!.length);
    const second = await exportJson(imported.body.slug, "&comments=1", importer);
    expect(normalise(second)).toEqual(normalise(first));

    const rows = await db().comment.findMany({ where: { workspace: { slug: imported.body.slug } }, select: { authorId: true, importedAuthorName: true } });
    expect(rows.every((r) => r.authorId === importer.userId)).toBe(true);
    expect(new Set(rows.map((r) => r.importedAuthorName))).toContain("Carl Commenter");

    // Shown under the original name, marked as imported; the importer may edit them.
    const claim = await db().claim.findFirstOrThrow({ where: { workspace: { slug: imported.body.slug }, text: "The bloc is a talk shop." } });
    const threads = await call(listComments, { path: `/api/workspaces/${imported.body.slug}/comments?claimId=${claim.id}`, params: { slug: imported.body.slug }, headers: { authorization: importer.headers.authorization } });
    const carls = threads.body.threads.find((t: { author: { name: string } | null }) => t.author?.name === "Carl Commenter");
    expect(carls).toMatchObject({ author: { id: importer.userId, name: "Carl Commenter", importedBy: "Ivo Importer" }, mine: true, canEdit: true });
  });

  it("refuses a document whose comments break the thread rules (422, paths named) and writes nothing", async () => {
    const doc = await exportJson(SLUG, "&comments=1");
    const reply = doc.comments!.findIndex((c) => c.parentId !== null);
    doc.comments![reply] = { ...doc.comments![reply], resolved: { at: "2026-11-26T10:00:00.000Z", by: "Someone" } };
    doc.comments!.push({ ...doc.comments![0], id: "extra", target: { type: "claim", id: "no-such-claim" } });
    const importer = await createActor(null, null, "Careful Importer");
    const refused = await expectNoWrites(() => call(importWorkspace, { method: "POST", path: "/api/workspaces/import", headers: importer.headers, body: doc }));
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual([`comments.${reply}.resolved`, `comments.${doc.comments!.length - 1}.target.id`]);
  });
});

describe("the database keeps the rules", () => {
  it("refuses a comment on two targets or none, and a resolved reply", async () => {
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: SLUG } });
    const base = { workspaceId: workspace.id, authorId: commenter.userId, body: "raw" };
    await expect(db().comment.create({ data: { ...base, claimId, excerptId } })).rejects.toThrow(/Comment_one_target/);
    await expect(db().comment.create({ data: base })).rejects.toThrow(/Comment_one_target/);
    const root = await db().comment.create({ data: { ...base, claimId }, select: { id: true } });
    await expect(db().comment.create({ data: { ...base, claimId, parentId: root.id, resolvedAt: new Date() } })).rejects.toThrow(/Comment_resolved_root/);
    await db().comment.delete({ where: { id: root.id } });
  });
});
