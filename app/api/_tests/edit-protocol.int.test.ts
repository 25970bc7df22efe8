/**
 * The edit protocol under concurrency, against a real PostgreSQL: two people changing the same row
 * at the same moment — edits, deletes, positions, undos — end with exactly one change applied, the
 * other told 409 with the current row, never a 500 and never a lost update.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { DELETE as deleteClaim, PATCH as patchClaim } from "../workspaces/[slug]/claims/[id]/route";
import { POST as createComment } from "../workspaces/[slug]/comments/route";
import { DELETE as deleteComment, PATCH as patchComment } from "../workspaces/[slug]/comments/[id]/route";
import { DELETE as deleteEvidence, PATCH as patchEvidence } from "../workspaces/[slug]/evidence/[id]/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { DELETE as deleteExcerpt } from "../workspaces/[slug]/excerpts/[id]/route";
import { GET as history } from "../workspaces/[slug]/history/route";
import { POST as undo } from "../workspaces/[slug]/history/[eventId]/undo/route";
import { POST as createLink } from "../workspaces/[slug]/links/route";
import { DELETE as deleteLink } from "../workspaces/[slug]/links/[id]/route";
import { DELETE as clearPosition, PUT as setPosition } from "../workspaces/[slug]/positions/route";
import { PUT as reorderClaims } from "../workspaces/[slug]/claims/order/route";

const SLUG = "sco-debate";
const params = { slug: SLUG };
let ada: TActor;
let bo: TActor;
let owner: TActor;

beforeAll(async () => {
  owner = await createActor(SLUG, "OWNER", "Olga");
  ada = await createActor(SLUG, "EDITOR", "Ada");
  bo = await createActor(SLUG, "EDITOR", "Bo");
});

type TAnswer = { status: number; body: { error?: { code: string; current?: Record<string, unknown> } } & Record<string, unknown> };

/**
 * Runs both requests at once; returns the winner's and the loser's answers (exactly one wins). The
 * loser is 409, or 404 when the winner deleted the row before the loser first read it.
 */
async function race(first: () => Promise<TAnswer>, second: () => Promise<TAnswer>, { mayBeGone = false } = {}) {
  const answers = await Promise.all([first(), second()]);
  const winners = answers.filter((a) => a.status < 300);
  const loser = answers.find((a) => a.status >= 300);
  expect(winners, JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
  expect(mayBeGone ? [404, 409] : [409]).toContain(loser?.status);
  expect(loser!.body.error?.code).toBe(loser!.status === 409 ? "CONFLICT" : "NOT_FOUND");
  return { winner: winners[0], loser: loser! };
}

const eventCount = (entityId: string) => db().event.count({ where: { entityId } });

async function newClaim(text: string, actor = ada) {
  const created = await call(createClaim, { method: "POST", params, body: { text }, headers: actor.headers });
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number; text: string };
}

async function newEvidence(claimId: string) {
  const source = await db().source.findFirstOrThrow({ where: { workspace: { slug: SLUG }, deletedAt: null }, orderBy: { createdAt: "asc" } });
  const start = 200 + Math.floor(Math.random() * 2000);
  const exact = source.text.slice(start, start + 40);
  const created = await call(createExcerpt, { method: "POST", params, body: { sourceId: source.id, selector: { start, end: start + 40, exact }, evidence: [{ claimId, stance: "SUPPORTS", voice: "AUTHOR" }] }, headers: ada.headers });
  expect(created.status).toBe(201);
  return created.body as { id: string; version: number; evidence: { id: string; version: number }[] };
}

describe("two concurrent changes of one row: exactly one wins, the other gets 409", () => {
  it("edits of a claim", async () => {
    const claim = await newClaim("Racing wording.");
    const edit = (actor: TActor, text: string) => () => call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: claim.version, text }, headers: actor.headers });
    const { winner, loser } = await race(edit(ada, "Ada's wording."), edit(bo, "Bo's wording."));
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored).toMatchObject({ text: winner.body.text, version: 2 });
    expect(loser.body.error?.current).toMatchObject({ id: claim.id, version: 2, text: winner.body.text });
    expect(await eventCount(claim.id)).toBe(2);
  });

  it("an edit and a delete of a claim", async () => {
    const claim = await newClaim("Edited or deleted.");
    await race(
      () => call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: claim.version, text: "Kept, edited." }, headers: ada.headers }),
      () => call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: claim.id }, body: { version: claim.version }, headers: bo.headers }),
      { mayBeGone: true },
    );
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    // Either the edit landed on a live claim, or the delete took the unedited one: never both.
    expect(stored.version).toBe(2);
    expect(stored.deletedAt === null ? stored.text : "deleted").toMatch(/^(Kept, edited\.|deleted)$/);
    if (stored.deletedAt) expect(stored.text).toBe("Edited or deleted.");
    expect(await eventCount(claim.id)).toBe(2);
  });

  it("deletes of a claim, of an evidence link, of an excerpt and of a claim link", async () => {
    const claim = await newClaim("Deleted twice.");
    const del = () => call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: claim.id }, body: { version: claim.version }, headers: ada.headers });
    await race(del, del, { mayBeGone: true });
    expect(await eventCount(claim.id)).toBe(2);

    const target = await newClaim("Has evidence.");
    const excerpt = await newEvidence(target.id);
    const link = excerpt.evidence[0];
    const unlink = () => call(deleteEvidence, { method: "DELETE", params: { slug: SLUG, id: link.id }, body: { version: link.version }, headers: ada.headers });
    await race(unlink, unlink, { mayBeGone: true });
    expect(await eventCount(link.id)).toBe(2);

    const other = await newEvidence(target.id);
    const remove = () => call(deleteExcerpt, { method: "DELETE", params: { slug: SLUG, id: other.id }, body: { version: other.version }, headers: bo.headers });
    await race(remove, remove, { mayBeGone: true });
    expect(await eventCount(other.id)).toBe(2);
    expect(await eventCount(other.evidence[0].id)).toBe(2);

    const from = await newClaim("Premise raced.");
    const claimLink = (await call(createLink, { method: "POST", params, body: { from: from.id, to: target.id, relation: "SUPPORTS" }, headers: ada.headers })).body as { id: string; version: number };
    const dropLink = () => call(deleteLink, { method: "DELETE", params: { slug: SLUG, id: claimLink.id }, body: { version: claimLink.version }, headers: ada.headers });
    await race(dropLink, dropLink, { mayBeGone: true });
    expect(await eventCount(claimLink.id)).toBe(2);
  });

  it("edits and deletes of an evidence link", async () => {
    const claim = await newClaim("Stance raced.");
    const link = (await newEvidence(claim.id)).evidence[0];
    await race(
      () => call(patchEvidence, { method: "PATCH", params: { slug: SLUG, id: link.id }, body: { version: link.version, stance: "OPPOSES" }, headers: ada.headers }),
      () => call(patchEvidence, { method: "PATCH", params: { slug: SLUG, id: link.id }, body: { version: link.version, stance: "QUALIFIES" }, headers: bo.headers }),
    );
    expect((await db().evidence.findUniqueOrThrow({ where: { id: link.id } })).version).toBe(2);
  });

  it("the first hand-set position of an author (no 500 from the unique key) and its clearing", async () => {
    const claim = await newClaim("Position raced.");
    const author = await db().author.findFirstOrThrow({ where: { workspace: { slug: SLUG } } });
    const set = (actor: TActor, stance: string) => () => call(setPosition, { method: "PUT", params, body: { claimId: claim.id, authorId: author.id, stance }, headers: actor.headers });
    const { winner, loser } = await race(set(ada, "SUPPORTS"), set(bo, "OPPOSES"));
    expect(loser.body.error?.current).toMatchObject({ stance: winner.body.stance, version: 1 });
    const position = await db().position.findUniqueOrThrow({ where: { claimId_authorId: { claimId: claim.id, authorId: author.id } } });
    expect(position.stance).toBe(winner.body.stance);

    const replace = (actor: TActor, stance: string) => () => call(setPosition, { method: "PUT", params, body: { claimId: claim.id, authorId: author.id, stance, version: position.version }, headers: actor.headers });
    await race(replace(ada, "MIXED"), replace(bo, "QUALIFIES"));

    const current = await db().position.findUniqueOrThrow({ where: { id: position.id } });
    const clear = () => call(clearPosition, { method: "DELETE", params, body: { claimId: claim.id, authorId: author.id, version: current.version }, headers: ada.headers });
    await race(clear, clear, { mayBeGone: true });
    expect(await db().event.count({ where: { entityId: position.id, type: "position.deleted" } })).toBe(1);
  });

  it("edits of a comment", async () => {
    const claim = await newClaim("Commented on.");
    const comment = (await call(createComment, { method: "POST", params, body: { target: { type: "claim", id: claim.id }, body: "First words." }, headers: ada.headers })).body as { id: string; version: number };
    const edit = (body: string) => () => call(patchComment, { method: "PATCH", params: { slug: SLUG, id: comment.id }, body: { version: comment.version, body }, headers: ada.headers });
    await race(edit("Second words."), edit("Third words."));
    const stored = await db().comment.findUniqueOrThrow({ where: { id: comment.id } });
    const del = () => call(deleteComment, { method: "DELETE", params: { slug: SLUG, id: comment.id }, body: { version: stored.version }, headers: ada.headers });
    await race(del, del, { mayBeGone: true });
    expect(await db().event.count({ where: { entityId: comment.id, type: "comment.deleted" } })).toBe(1);
  });
});

async function lastEventOf(entityId: string, type: string) {
  const events = (await call(history, { path: `/api/workspaces/${SLUG}/history?entityId=${entityId}`, params, headers: owner.headers })).body.events as { id: string; type: string }[];
  return events.find((e) => e.type === type)!;
}

describe("undo keeps to the protocol", () => {
  it("two undos of one change at once: one applies, the other is refused, no 500", async () => {
    const claim = await newClaim("Undone twice.");
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: claim.version, text: "Undone twice, edited." }, headers: ada.headers });
    const edit = await lastEventOf(claim.id, "claim.updated");
    const undoIt = () => call(undo, { method: "POST", params: { slug: SLUG, eventId: edit.id }, body: {}, headers: ada.headers });
    await race(undoIt, undoIt);
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored).toMatchObject({ text: "Undone twice.", version: 3 });
    expect(await db().event.count({ where: { entityId: claim.id } })).toBe(3);
  });

  it("refuses to undo a change the item has moved on from, and leaves the later edit in place", async () => {
    const claim = await newClaim("Base text.");
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 1, text: "Ada's edit." }, headers: ada.headers });
    const adas = await lastEventOf(claim.id, "claim.updated");
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 2, text: "Owner's later edit." }, headers: owner.headers });
    const refused = await call(undo, { method: "POST", params: { slug: SLUG, eventId: adas.id }, body: {}, headers: owner.headers });
    expect(refused.status).toBe(409);
    expect(refused.body.error.current).toMatchObject({ text: "Owner's later edit.", version: 3 });
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).text).toBe("Owner's later edit.");
  });

  it("an undo racing an edit of the same claim: one of them applies", async () => {
    const claim = await newClaim("Undo or edit.");
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 1, text: "Edited once." }, headers: ada.headers });
    const edit = await lastEventOf(claim.id, "claim.updated");
    const { winner } = await race(
      () => call(undo, { method: "POST", params: { slug: SLUG, eventId: edit.id }, body: {}, headers: ada.headers }),
      () => call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 2, text: "Edited twice." }, headers: bo.headers }),
    );
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.version).toBe(3);
    expect(stored.text).toBe("undone" in winner.body ? "Undo or edit." : "Edited twice.");
  });

  it("refuses to undo a reorder once the claims were reordered again", async () => {
    const workspace = await call(createClaim, { method: "POST", params, body: { text: "Reordered claim." }, headers: owner.headers });
    expect(workspace.status).toBe(201);
    const order = (await db().claim.findMany({ where: { workspace: { slug: SLUG }, deletedAt: null }, orderBy: { rank: "asc" }, select: { id: true } })).map((c) => c.id);
    const swapped = [order[1], order[0], ...order.slice(2)];
    expect((await call(reorderClaims, { method: "PUT", params, body: { order: swapped }, headers: owner.headers })).status).toBe(200);
    const first = (await call(history, { path: `/api/workspaces/${SLUG}/history`, params, headers: owner.headers })).body.events.find((e: { type: string }) => e.type === "claims.reordered");
    expect((await call(reorderClaims, { method: "PUT", params, body: { order }, headers: owner.headers })).status).toBe(200);
    const refused = await call(undo, { method: "POST", params: { slug: SLUG, eventId: first.id }, body: {}, headers: owner.headers });
    expect(refused.status).toBe(409);
    const now = (await db().claim.findMany({ where: { workspace: { slug: SLUG }, deletedAt: null }, orderBy: { rank: "asc" }, select: { id: true } })).map((c) => c.id);
    expect(now).toEqual(order);
  });
});

describe("a DELETE names its version", () => {
  it("answers 400 without one and 409 with a stale one, and deletes nothing", async () => {
    const claim = await newClaim("Not deleted blindly.");
    await call(patchClaim, { method: "PATCH", params: { slug: SLUG, id: claim.id }, body: { version: 1, text: "Edited since." }, headers: bo.headers });
    const blind = await call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: claim.id }, body: {}, headers: ada.headers });
    expect(blind.status).toBe(400);
    const stale = await call(deleteClaim, { method: "DELETE", params: { slug: SLUG, id: claim.id }, body: { version: 1 }, headers: ada.headers });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ text: "Edited since.", version: 2 });
    expect((await db().claim.findUniqueOrThrow({ where: { id: claim.id } })).deletedAt).toBeNull();
  });
});
