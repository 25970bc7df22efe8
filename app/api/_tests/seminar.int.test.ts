/**
 * Seminar mode over the API against PostgreSQL: votes, a live session's spotlight and steps, polls
 * with hidden-then-revealed results, the editing lock (423), the end-of-session summary, and
 * that refused requests write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, type TActor } from "@/lib/testing/actors";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { call } from "@/lib/testing/call";
import { GET as getClaimRoute } from "../workspaces/[slug]/claims/[id]/route";
import { DELETE as withdrawVote, GET as getVotes, PUT as putVote } from "../workspaces/[slug]/claims/[id]/vote/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { GET as getHistory } from "../workspaces/[slug]/history/route";
import { POST as endSession } from "../workspaces/[slug]/session/end/route";
import { POST as castBallot } from "../workspaces/[slug]/session/poll/ballot/route";
import { PATCH as patchPoll, POST as openPoll } from "../workspaces/[slug]/session/poll/route";
import { GET as getSession, PATCH as steer, POST as startSession } from "../workspaces/[slug]/session/route";
import { GET as getSessionRecord } from "../workspaces/[slug]/sessions/[id]/route";
import { GET as listSessions } from "../workspaces/[slug]/sessions/route";

const SLUG = "sco-debate";
const params = { slug: SLUG };
let owner: TActor;
let facilitator: TActor;
let editor: TActor;
let participants: TActor[];
let viewer: TActor;
let claims: { id: string; text: string }[];
let ecfrSourceId: string;

const as = (actor: TActor | null, method: string, body?: unknown) => ({ method, headers: actor ? actor.headers : { "content-type": "application/json" }, params, body });

beforeAll(async () => {
  owner = await createActor(SLUG, "OWNER", "Owner O");
  facilitator = await createActor(SLUG, "EDITOR", "Facilitator F");
  editor = await createActor(SLUG, "EDITOR", "Editor E");
  participants = await Promise.all(["P1", "P2", "P3"].map((n) => createActor(SLUG, "COMMENTER", `Participant ${n}`)));
  viewer = await createActor(SLUG, "VIEWER", "Viewer V");
  claims = await db().claim.findMany({ where: { workspace: { slug: SLUG }, deletedAt: null }, orderBy: [{ rank: "asc" }, { createdAt: "asc" }], select: { id: true, text: true } });
  ecfrSourceId = (await db().source.findFirstOrThrow({ where: { title: { startsWith: "Rogue NATO" } }, select: { id: true } })).id;
});

afterAll(async () => {
  // Leave the demo as seeded: no live session, no votes.
  await db().seminar.deleteMany({ where: { workspace: { slug: SLUG } } });
  await db().vote.deleteMany({ where: { workspace: { slug: SLUG } } });
});

describe("votes", () => {
  it("lets a commenter vote, change and withdraw; the claim shows the room's tally and their own", async () => {
    const claimId = claims[0].id;
    const p = participants[0];
    expect((await call(putVote, { ...as(p, "PUT", { choice: "AGREE" }), params: { ...params, id: claimId } })).status).toBe(200);
    expect((await call(putVote, { ...as(participants[1], "PUT", { choice: "DISAGREE" }), params: { ...params, id: claimId } })).status).toBe(200);
    const changed = await call(putVote, { ...as(p, "PUT", { choice: "UNSURE" }), params: { ...params, id: claimId } });
    expect(changed.body).toMatchObject({ claimId, choice: "UNSURE" });
    const detail = await call(getClaimRoute, { ...as(p, "GET"), params: { ...params, id: claimId } });
    expect(detail.body.votes).toEqual({ tally: { AGREE: 0, DISAGREE: 1, UNSURE: 1, total: 2 }, hiddenUntilReveal: false, mine: "UNSURE" });
    const anonymous = await call(getVotes, { method: "GET", params: { ...params, id: claimId } });
    expect(anonymous.body).toEqual({ tally: { AGREE: 0, DISAGREE: 1, UNSURE: 1, total: 2 }, hiddenUntilReveal: false, mine: null });
    expect((await call(withdrawVote, { ...as(p, "DELETE"), params: { ...params, id: claimId } })).status).toBe(200);
    expect((await call(getVotes, { ...as(p, "GET"), params: { ...params, id: claimId } })).body).toEqual({ tally: { AGREE: 0, DISAGREE: 1, UNSURE: 0, total: 1 }, hiddenUntilReveal: false, mine: null });
    await call(withdrawVote, { ...as(participants[1], "DELETE"), params: { ...params, id: claimId } });
  });

  it("refuses bad choices (400), viewers (403), anonymous callers (401) and unknown claims (404), writing nothing", async () => {
    const claimId = claims[0].id;
    const bad = await expectNoWrites(() => call(putVote, { ...as(participants[0], "PUT", { choice: "MAYBE" }), params: { ...params, id: claimId } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("choice");
    expect((await expectNoWrites(() => call(putVote, { ...as(viewer, "PUT", { choice: "AGREE" }), params: { ...params, id: claimId } }))).status).toBe(403);
    expect((await expectNoWrites(() => call(putVote, { ...as(null, "PUT", { choice: "AGREE" }), params: { ...params, id: claimId } }))).status).toBe(401);
    const unknown = await expectNoWrites(() => call(putVote, { ...as(participants[0], "PUT", { choice: "AGREE" }), params: { ...params, id: "00000000-0000-4000-8000-000000000000" } }));
    expect(unknown.status).toBe(404);
    expect((await call(getVotes, { ...as(participants[0], "GET"), params: { ...params, id: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
  });

  it("keeps who voted what out of the history", async () => {
    await call(putVote, { ...as(participants[2], "PUT", { choice: "AGREE" }), params: { ...params, id: claims[1].id } });
    const history = await call(getHistory, { ...as(owner, "GET"), path: `/api/workspaces/${SLUG}/history` });
    expect(history.status).toBe(200);
    expect(history.body.events.some((e: { entityType: string }) => e.entityType === "vote" || e.entityType === "poll")).toBe(false);
    await call(withdrawVote, { ...as(participants[2], "DELETE"), params: { ...params, id: claims[1].id } });
  });
});

describe("a live session", () => {
  let sessionId: string;
  let startedAt: Date;

  it("is started by an editor, not by a commenter (403) or a second time (409)", async () => {
    expect((await call(getSession, as(participants[0], "GET"))).body).toEqual({ session: null });
    const refused = await expectNoWrites(() => call(startSession, as(participants[0], "POST", {})));
    expect(refused.status).toBe(403);
    startedAt = new Date();
    const started = await call(startSession, as(facilitator, "POST", { spotlightClaimId: claims[0].id }));
    expect(started.status).toBe(201);
    expect(started.body.session).toMatchObject({ isFacilitator: true, locked: false, facilitator: { name: "Facilitator F" }, spotlight: { claimId: claims[0].id, position: 1, count: claims.length }, poll: null });
    sessionId = started.body.session.id;
    const again = await expectNoWrites(() => call(startSession, as(editor, "POST", {})));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("Facilitator F");
  });

  it("is steered only by its facilitator: spotlight, next, previous; past the end is 422", async () => {
    const notYours = await expectNoWrites(() => call(steer, as(editor, "PATCH", { step: "next" })));
    expect(notYours.status).toBe(403);
    const next = await call(steer, as(facilitator, "PATCH", { step: "next" }));
    expect(next.body.session.spotlight).toMatchObject({ claimId: claims[1].id, position: 2 });
    const previous = await call(steer, as(facilitator, "PATCH", { step: "previous" }));
    expect(previous.body.session.spotlight.claimId).toBe(claims[0].id);
    expect((await call(steer, as(facilitator, "PATCH", { step: "previous" }))).status).toBe(422);
    const last = claims[claims.length - 1];
    expect((await call(steer, as(facilitator, "PATCH", { spotlightClaimId: last.id }))).body.session.spotlight).toMatchObject({ claimId: last.id, position: claims.length, count: claims.length });
    expect((await call(steer, as(facilitator, "PATCH", { step: "next" }))).status).toBe(422);
    expect((await call(steer, as(facilitator, "PATCH", {}))).status).toBe(400);
    expect((await call(steer, as(facilitator, "PATCH", { spotlightClaimId: "00000000-0000-4000-8000-000000000000" }))).status).toBe(404);
    // A participant who arrives (or reloads) now sees the spotlight.
    expect((await call(getSession, as(participants[2], "GET"))).body.session).toMatchObject({ isFacilitator: false, spotlight: { claimId: last.id } });
    await call(steer, as(facilitator, "PATCH", { spotlightClaimId: claims[2].id }));
  });

  it("runs a poll: ballots counted, result hidden from participants until revealed", async () => {
    expect((await call(castBallot, as(participants[0], "POST", { choice: "AGREE" }))).status).toBe(422);
    expect((await expectNoWrites(() => call(openPoll, as(participants[0], "POST", {})))).status).toBe(403);
    const opened = await call(openPoll, as(facilitator, "POST", {}));
    expect(opened.status).toBe(201);
    expect(opened.body.session.poll).toMatchObject({ claimId: claims[2].id, open: true, revealed: false, ballots: 0 });
    expect((await call(openPoll, as(facilitator, "POST", {}))).status).toBe(409);
    await call(castBallot, as(participants[0], "POST", { choice: "AGREE" }));
    await call(castBallot, as(participants[1], "POST", { choice: "AGREE" }));
    // Voting on the polled claim from its page counts as the ballot too.
    await call(putVote, { ...as(participants[2], "PUT", { choice: "DISAGREE" }), params: { ...params, id: claims[2].id } });
    const seenByParticipant = (await call(getSession, as(participants[0], "GET"))).body.session.poll;
    expect(seenByParticipant).toMatchObject({ ballots: 3, tally: null, myChoice: "AGREE", revealed: false });
    const seenByFacilitator = (await call(getSession, as(facilitator, "GET"))).body.session.poll;
    expect(seenByFacilitator.tally).toEqual({ AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 });
    // The room's tally of the polled claim would give the result away: held back until the reveal.
    const roomOf = async (actor: TActor | null) => (await call(getVotes, { ...as(actor, "GET"), params: { ...params, id: claims[2].id } })).body;
    expect(await roomOf(participants[0])).toEqual({ tally: null, hiddenUntilReveal: true, mine: "AGREE" });
    expect(await roomOf(null)).toEqual({ tally: null, hiddenUntilReveal: true, mine: null });
    expect(await roomOf(facilitator)).toMatchObject({ tally: { AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 }, hiddenUntilReveal: false });
    expect((await call(getClaimRoute, { ...as(participants[1], "GET"), params: { ...params, id: claims[2].id } })).body.votes).toMatchObject({ tally: null, hiddenUntilReveal: true });
    expect((await call(patchPoll, as(facilitator, "PATCH", { action: "close" }))).body.session.poll.open).toBe(false);
    // After the close, a ballot has nowhere to go; a vote on the claim still counts for the room.
    expect((await call(castBallot, as(participants[0], "POST", { choice: "DISAGREE" }))).status).toBe(422);
    await call(patchPoll, as(facilitator, "PATCH", { action: "reveal" }));
    expect((await call(getSession, as(participants[1], "GET"))).body.session.poll).toMatchObject({ revealed: true, tally: { AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 } });
    expect((await call(getVotes, { ...as(participants[1], "GET"), params: { ...params, id: claims[2].id } })).body).toMatchObject({ tally: { AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 }, hiddenUntilReveal: false });
    expect((await call(patchPoll, as(facilitator, "PATCH", { action: "close" }))).status).toBe(422);
  });

  it("locks editing: other editors get 423 with a clear message and nothing is written; the facilitator may still edit", async () => {
    expect((await call(steer, as(facilitator, "PATCH", { locked: true }))).body.session.locked).toBe(true);
    const excerpt = { sourceId: ecfrSourceId, selector: { exact: "had to make do with the prime" }, evidence: [{ claimId: claims[2].id, stance: "SUPPORTS", voice: "AUTHOR" }] };
    const refused = await expectNoWrites(() => call(createExcerpt, as(editor, "POST", excerpt)));
    expect(refused.status).toBe(423);
    expect(refused.body.error).toMatchObject({ code: "LOCKED" });
    expect(refused.body.error.message).toMatch(/locked editing/);
    expect((await expectNoWrites(() => call(createClaim, as(owner, "POST", { text: "A claim made while locked." })))).status).toBe(423);
    // Votes stay open while editing is locked.
    expect((await call(putVote, { ...as(participants[0], "PUT", { choice: "UNSURE" }), params: { ...params, id: claims[0].id } })).status).toBe(200);
    const byFacilitator = await call(createClaim, as(facilitator, "POST", { text: "A claim the facilitator adds during the session." }));
    expect(byFacilitator.status).toBe(201);
    await db().claim.update({ where: { id: byFacilitator.body.id }, data: { deletedAt: new Date() } });
    expect((await call(steer, as(facilitator, "PATCH", { locked: false }))).body.session.locked).toBe(false);
  });

  it("ends with a summary of claims discussed, votes and polls, and evidence added; ending unlocks", async () => {
    const excerpt = { sourceId: ecfrSourceId, selector: { exact: "had to make do with the prime" }, evidence: [{ claimId: claims[2].id, stance: "QUALIFIES", voice: "AUTHOR" }] };
    const added = await call(createExcerpt, as(editor, "POST", excerpt));
    expect(added.status).toBe(201);
    await call(steer, as(facilitator, "PATCH", { locked: true }));
    expect((await expectNoWrites(() => call(endSession, as(participants[0], "POST", {})))).status).toBe(403);
    const ended = await call(endSession, as(facilitator, "POST", {}));
    expect(ended.status).toBe(200);
    const { summary } = ended.body;
    expect(summary.facilitator).toBe("Facilitator F");
    expect(summary.claims.map((c: { id: string }) => c.id)).toEqual([claims[0].id, claims[1].id, claims[claims.length - 1].id, claims[2].id]);
    const polled = summary.claims.find((c: { id: string }) => c.id === claims[2].id);
    expect(polled.polls).toEqual([{ AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 }]);
    expect(polled.votes).toEqual({ AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 });
    expect(summary.evidenceAddedCount).toBe(1);
    expect(summary.evidenceAdded[0]).toMatchObject({ claimId: claims[2].id, stance: "QUALIFIES", author: expect.any(String), exact: "had to make do with the prime" });
    expect(new Date(summary.startedAt).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect((await call(getSession, as(participants[0], "GET"))).body).toEqual({ session: null });
    // Editing is open again.
    const claim = await call(createClaim, as(editor, "POST", { text: "A claim made after the session." }));
    expect(claim.status).toBe(201);
    await db().claim.update({ where: { id: claim.body.id }, data: { deletedAt: new Date() } });
    await db().evidence.updateMany({ where: { excerptId: added.body.id }, data: { deletedAt: new Date() } });
    await db().excerpt.update({ where: { id: added.body.id }, data: { deletedAt: new Date() } });
    const record = await call(getSessionRecord, { ...as(viewer, "GET"), params: { ...params, id: sessionId } });
    expect(record.body).toMatchObject({ id: sessionId, facilitator: "Facilitator F", summary: { evidenceAddedCount: 1 } });
    expect(record.body.endedAt).not.toBeNull();
    const list = await call(listSessions, as(viewer, "GET"));
    expect(list.body.sessions[0]).toMatchObject({ id: sessionId });
    expect((await call(endSession, as(facilitator, "POST", {}))).status).toBe(404);
  });

  it("lets an owner end a session someone else facilitates", async () => {
    await call(startSession, as(facilitator, "POST", {}));
    const ended = await call(endSession, as(owner, "POST", {}));
    expect(ended.status).toBe(200);
    expect(ended.body.summary.claims).toEqual([]);
  });
});
