/**
 * Blind coding rounds over the API: who may run and answer them, the blind rule (a participant
 * who has not finished an open round reads nothing of the map — matrix, claims, search, exports,
 * every other map read — nor anyone's answers, and the event stream names no one), the close and
 * its reveal, adopting a majority as evidence and undoing it, and that refusals write nothing.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { summariseRound } from "@/lib/domain/coding-agreement";
import { createActor, createOwnerOf, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import * as roundsRoute from "../workspaces/[slug]/rounds/route";
import * as roundRoute from "../workspaces/[slug]/rounds/[id]/route";
import * as answersRoute from "../workspaces/[slug]/rounds/[id]/answers/route";
import * as closeRoute from "../workspaces/[slug]/rounds/[id]/close/route";
import * as agreementRoute from "../workspaces/[slug]/rounds/[id]/agreement/route";
import * as adoptRoute from "../workspaces/[slug]/rounds/[id]/adopt/route";
import * as exportRoute from "../workspaces/[slug]/rounds/[id]/export/route";
import * as sourcesRoute from "../workspaces/[slug]/sources/route";
import * as claimsRoute from "../workspaces/[slug]/claims/route";
import * as excerptsRoute from "../workspaces/[slug]/excerpts/route";
import * as matrixRoute from "../workspaces/[slug]/matrix/route";
import * as claimRoute from "../workspaces/[slug]/claims/[id]/route";
import * as eventsRoute from "../workspaces/[slug]/events/route";
import * as undoRoute from "../workspaces/[slug]/history/[eventId]/undo/route";

type THandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const SLUG = "coding-rounds-test";
const TEXT = "Katz argues the organisation is a bloc. Harding doubts it at length. Zebrafinch sees economics first. A fourth view stays silent.";
const SECRET_REASON = "quokka-reason-only-mine";

let owner: TActor;
let p1: TActor;
let p2: TActor;
let p3: TActor;
let viewer: TActor;
let sourceId = "";
const claims: string[] = [];
const excerpts: { id: string; evidence: { id: string }[] }[] = [];
let roundId = "";

const slugParams = (extra: Record<string, string> = {}) => ({ slug: SLUG, ...extra });

async function send(handler: THandler, who: TActor, options: { method?: string; params?: Record<string, string>; body?: unknown; path?: string } = {}) {
  return call(handler, { method: options.method ?? "GET", params: slugParams(options.params), headers: who.headers, body: options.body, path: options.path });
}

function passage(word: string) {
  const start = TEXT.indexOf(word);
  return { start, end: start + word.length, exact: word };
}

beforeAll(async () => {
  ({ owner } = await createOwnerOf(SLUG, "Coding rounds"));
  p1 = await createActor(SLUG, "COMMENTER", "Ada Participant");
  p2 = await createActor(SLUG, "EDITOR", "Ben Participant");
  p3 = await createActor(SLUG, "COMMENTER", "Cy Participant");
  viewer = await createActor(SLUG, "VIEWER", "Vi Reader");
  sourceId = (await send(sourcesRoute.POST, owner, { method: "POST", body: { title: "On blocs", author: { name: "Katz" }, published: "2008", text: TEXT } })).body.id;
  for (const text of ["The SCO is an anti-NATO bloc.", "Economics comes first."]) claims.push((await send(claimsRoute.POST, owner, { method: "POST", body: { text } })).body.id);
  const made = [
    { word: "is a bloc", evidence: [{ claimId: claims[0], stance: "SUPPORTS" }] },
    { word: "Zebrafinch sees economics first", evidence: [{ claimId: claims[1], stance: "OPPOSES" }] },
    { word: "doubts it at length", evidence: [] },
  ];
  for (const m of made) excerpts.push((await send(excerptsRoute.POST, owner, { method: "POST", body: { sourceId, selector: passage(m.word), evidence: m.evidence } })).body);
});

/** Every GET route of a workspace on disk, as "/api/workspaces/[slug]/…". */
function workspaceReads(): { route: string; file: string }[] {
  const root = path.resolve(import.meta.dirname, "../workspaces/[slug]");
  const walk = (dir: string): { route: string; file: string }[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name === "route.ts" ? [{ route: `/api/workspaces/[slug]/${path.relative(root, dir).split(path.sep).join("/")}`.replace(/\/$/, ""), file: full }] : [];
    });
  return walk(root);
}

/** The reads a participant keeps while answering: nothing in them shows the map's evidence or others' answers. */
const ROUND_SCOPE = new Set([
  "/api/workspaces/[slug]/events",
  "/api/workspaces/[slug]/session",
  "/api/workspaces/[slug]/rounds",
  "/api/workspaces/[slug]/rounds/[id]",
  "/api/workspaces/[slug]/rounds/[id]/agreement",
  "/api/workspaces/[slug]/rounds/[id]/export",
]);

const OWNERS_ONLY = new Set(["/api/workspaces/[slug]/invites", "/api/workspaces/[slug]/members"]);

describe("coding rounds", () => {
  it("only owners and editors start one; refusals and bad items write nothing", async () => {
    const body = { title: "Who argues what", items: [{ excerptId: excerpts[0].id, claimId: claims[0] }] };
    for (const who of [p1, viewer]) expect((await expectNoWrites(() => send(roundsRoute.POST, who, { method: "POST", body }))).status).toBe(403);
    const unknown = await expectNoWrites(() => send(roundsRoute.POST, owner, { method: "POST", body: { title: "x", items: [{ excerptId: claims[0], claimId: claims[0] }] } }));
    expect(unknown.status).toBe(422);
    const twice = await expectNoWrites(() => send(roundsRoute.POST, owner, { method: "POST", body: { title: "x", items: [body.items[0], body.items[0]] } }));
    expect(twice.status).toBe(400);
  });

  it("starts a round of (passage, claim) items", async () => {
    const items = [
      { excerptId: excerpts[0].id, claimId: claims[0] },
      { excerptId: excerpts[1].id, claimId: claims[1] },
      { excerptId: excerpts[2].id, claimId: claims[0] },
    ];
    const created = await send(roundsRoute.POST, owner, { method: "POST", body: { title: "Who argues what", items, askVoice: true } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    roundId = created.body.id;
    const list = await send(roundsRoute.GET, viewer);
    expect(list.body.rounds).toEqual([expect.objectContaining({ id: roundId, title: "Who argues what", items: 3, closedAt: null })]);
  });

  it("keeps a participant who has not finished from every map read, and from others' answers", async () => {
    await send(answersRoute.PUT, p2, { method: "PUT", params: { id: roundId }, body: { answers: [0, 1, 2].map((item) => ({ item, stance: "SUPPORTS", voice: "AUTHOR", reason: SECRET_REASON })) } });
    await send(answersRoute.PUT, p1, { method: "PUT", params: { id: roundId }, body: { answers: [{ item: 0, stance: "OPPOSES" }] } });

    const reads = workspaceReads().filter((r) => !ROUND_SCOPE.has(r.route));
    expect(reads.length).toBeGreaterThan(12);
    let checked = 0;
    for (const { route, file } of reads) {
      const module = (await import(file)) as Record<string, unknown>;
      if (typeof module.GET !== "function") continue;
      const params = { id: claims[0], eventId: "1" };
      const result = await call(module.GET as THandler, { params: slugParams(params), headers: p1.headers, path: `${route.replace("[slug]", SLUG)}?q=bloc&format=csv` });
      // The owners' own reads (members, invite links) refuse a commenter before the round's gate.
      if (OWNERS_ONLY.has(route)) {
        expect(result.status, `${route}: ${JSON.stringify(result.body)}`).toBe(403);
        continue;
      }
      expect(result.status, `${route}: ${JSON.stringify(result.body)}`).toBe(423);
      expect(result.body.error.current).toEqual({ roundId });
      expect(result.body.error.message).toContain(`Answer them at /w/${SLUG}/rounds/${roundId}.`);
      checked++;
    }
    expect(checked).toBeGreaterThan(12);

    const round = await send(roundRoute.GET, p1, { params: { id: roundId } });
    expect(round.status).toBe(200);
    const text = JSON.stringify(round.body);
    expect(text).not.toContain(SECRET_REASON);
    expect(round.body.items[0]).toEqual({ item: 0, passage: expect.objectContaining({ exact: "is a bloc", author: "Katz" }), claim: { id: claims[0], text: "The SCO is an anti-NATO bloc." } });
    expect(round.body.items[0]).not.toHaveProperty("key");
    expect(round.body.mine).toEqual([{ item: 0, stance: "OPPOSES", voice: null, reason: null }]);
    expect(round.body.progress).toBeNull();
    expect(round.body.reveal).toBeNull();

    for (const handler of [agreementRoute.GET]) expect((await send(handler, p1, { params: { id: roundId } })).status).toBe(403);
    expect((await send(exportRoute.GET, p1, { params: { id: roundId }, path: `/api/x?format=csv` })).status).toBe(403);
    // A viewer answers nothing and is not blind; a participant's unfinished round does not hide the map from them.
    expect((await send(matrixRoute.GET, viewer)).status).toBe(200);
  });

  it("shows the facilitator who has finished, not what anyone answered", async () => {
    const round = await send(roundRoute.GET, owner, { params: { id: roundId } });
    expect(round.body.progress).toEqual([
      { name: "Ada Participant", answered: 1, finished: false },
      { name: "Ben Participant", answered: 3, finished: true },
      { name: "Cy Participant", answered: 0, finished: false },
    ]);
    expect(JSON.stringify(round.body)).not.toContain(SECRET_REASON);
    expect(JSON.stringify(round.body)).not.toContain("OPPOSES");
  });

  it("sends answers on the stream as a count without the actor", async () => {
    const first = await db().event.findFirstOrThrow({ where: { entityId: roundId, type: "round.created" } });
    const answered = await db().event.findMany({ where: { entityId: roundId, type: "round.answered" }, orderBy: { id: "asc" } });
    expect(answered.map((e) => e.after)).toEqual([{ answered: 3 }, { answered: 1 }]);
    const controller = new AbortController();
    const response = await (eventsRoute.GET as THandler)(
      new Request(`http://localhost/api/workspaces/${SLUG}/events`, { headers: { ...p1.headers, "last-event-id": first.id.toString() }, signal: controller.signal }),
      { params: Promise.resolve(slugParams()) },
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const last = answered.at(-1)!.id.toString();
    let text = "";
    while (!text.includes(`id: ${last}\n`)) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await reader.cancel();
    const messages = text.split("\n").filter((l) => l.startsWith("data: ")).map((l) => JSON.parse(l.slice(6)));
    const answers = messages.filter((m) => m.type === "round.answered");
    expect(answers).toHaveLength(2);
    for (const m of answers) expect(m).toEqual({ id: expect.any(String), type: "round.answered", entityType: "round", entityId: roundId, actorId: null });
    expect(text).not.toContain(SECRET_REASON);
  });

  it("refuses answers from those who run it, from viewers and for items it does not have, writing nothing", async () => {
    const answers = { answers: [{ item: 0, stance: "SUPPORTS" }] };
    expect((await expectNoWrites(() => send(answersRoute.PUT, owner, { method: "PUT", params: { id: roundId }, body: answers }))).status).toBe(403);
    expect((await expectNoWrites(() => send(answersRoute.PUT, viewer, { method: "PUT", params: { id: roundId }, body: answers }))).status).toBe(403);
    expect((await expectNoWrites(() => send(answersRoute.PUT, p3, { method: "PUT", params: { id: roundId }, body: { answers: [{ item: 3, stance: "SUPPORTS" }] } }))).status).toBe(422);
    expect((await expectNoWrites(() => send(answersRoute.PUT, p3, { method: "PUT", params: { id: roundId }, body: { answers: [{ item: 0, stance: "MAYBE" }] } }))).status).toBe(400);
  });

  it("opens the map to a participant once they have answered every item", async () => {
    const done = await send(answersRoute.PUT, p1, { method: "PUT", params: { id: roundId }, body: { answers: [{ item: 1, stance: "SUPPORTS", reason: "=HYPERLINK(\"x\")" }, { item: 2, stance: "NOT_RELEVANT" }] } });
    expect(done.body).toEqual({ answered: 3, items: 3, finished: true });
    expect((await send(matrixRoute.GET, p1)).status).toBe(200);
    expect((await send(claimRoute.GET, p1, { params: { id: claims[0] } })).status).toBe(200);
    // p3 has not started: still blind.
    expect((await send(matrixRoute.GET, p3)).status).toBe(423);
    await send(answersRoute.PUT, p3, { method: "PUT", params: { id: roundId }, body: { answers: [{ item: 0, stance: "SUPPORTS" }, { item: 1, stance: "OPPOSES" }] } });
  });

  it("is closed by its facilitator only, once, and takes no answers after", async () => {
    expect((await expectNoWrites(() => send(closeRoute.POST, p2, { method: "POST", params: { id: roundId }, body: {} }))).status).toBe(403);
    expect((await send(closeRoute.POST, owner, { method: "POST", params: { id: roundId }, body: {} })).status).toBe(200);
    expect((await expectNoWrites(() => send(closeRoute.POST, owner, { method: "POST", params: { id: roundId }, body: {} }))).status).toBe(409);
    expect((await expectNoWrites(() => send(answersRoute.PUT, p3, { method: "PUT", params: { id: roundId }, body: { answers: [{ item: 2, stance: "SUPPORTS" }] } }))).status).toBe(423);
    // Closed: nobody is blind any more.
    expect((await send(matrixRoute.GET, p3)).status).toBe(200);
  });

  it("reveals the agreement in its fixed shape, scores to each participant, names only to the facilitator", async () => {
    const agreement = await send(agreementRoute.GET, p1, { params: { id: roundId } });
    expect(agreement.status).toBe(200);
    expect(Object.keys(agreement.body).sort()).toEqual(["alpha", "coders", "items", "participants"]);
    const expected = summariseRound(
      ["SUPPORTS", "OPPOSES", null],
      [
        { pseudonym: "Coder 1", answers: [0, 1, 2].map((item) => ({ item, stance: "SUPPORTS" as const, voice: "AUTHOR" as const })) },
        { pseudonym: "Coder 2", answers: [{ item: 0, stance: "OPPOSES", voice: null }, { item: 1, stance: "SUPPORTS", voice: null }, { item: 2, stance: "NOT_RELEVANT", voice: null }] },
        { pseudonym: "Coder 3", answers: [{ item: 0, stance: "SUPPORTS", voice: null }, { item: 1, stance: "OPPOSES", voice: null }] },
      ],
    );
    expect(agreement.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(agreement.body.items[0]).toEqual({ item: 0, answers: { SUPPORTS: 2, OPPOSES: 1, QUALIFIES: 0, NOT_RELEVANT: 0 }, key: "SUPPORTS" });

    const mine = await send(roundRoute.GET, p1, { params: { id: roundId } });
    expect(mine.body.reveal.names).toBeNull();
    expect(mine.body.reveal.me.pseudonym).toBe("Coder 2");
    expect(mine.body.reveal.confusion.SUPPORTS).toEqual({ SUPPORTS: 2, OPPOSES: 1, QUALIFIES: 0, NOT_RELEVANT: 0 });
    const facilitator = await send(roundRoute.GET, owner, { params: { id: roundId } });
    expect(facilitator.body.reveal.names).toEqual({ "Coder 1": "Ben Participant", "Coder 2": "Ada Participant", "Coder 3": "Cy Participant" });
    expect(facilitator.body.reveal.me).toBeNull();
  });

  it("exports the answers in long form with formulas neutralised, and the statistics as JSON", async () => {
    const response = await (exportRoute.GET as THandler)(new Request(`http://localhost/x?format=csv`, { headers: p1.headers }), { params: Promise.resolve(slugParams({ id: roundId })) });
    const csv = await response.text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("round,item,passage,claim,participant,answer,voice,reason,answered_at");
    expect(lines).toHaveLength(9);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toContain("Ada Participant");
    const json = await send(exportRoute.GET, p1, { params: { id: roundId }, path: "/x?format=json" });
    expect(json.body).toMatchObject({ round: { id: roundId }, coders: 3, confusion: { OPPOSES: { SUPPORTS: 2, OPPOSES: 1 } } });
  });

  it("adopts a majority as evidence in one undoable step", async () => {
    // Item 1: the map says OPPOSES; Ben and Ada said SUPPORTS, Cy OPPOSES.
    expect((await expectNoWrites(() => send(adoptRoute.POST, p2, { method: "POST", params: { id: roundId }, body: { item: 1 } }))).status).toBe(403);
    const adopted = await send(adoptRoute.POST, owner, { method: "POST", params: { id: roundId }, body: { item: 1 } });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body).toMatchObject({ item: 1, stance: "SUPPORTS", created: false });
    const evidenceId = excerpts[1].evidence[0].id;
    expect((await db().evidence.findUniqueOrThrow({ where: { id: evidenceId } })).stance).toBe("SUPPORTS");
    const event = await db().event.findFirstOrThrow({ where: { entityId: evidenceId, type: "evidence.updated" }, orderBy: { id: "desc" } });
    const undone = await send(undoRoute.POST, owner, { method: "POST", params: { eventId: event.id.toString() }, body: {} });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect((await db().evidence.findUniqueOrThrow({ where: { id: evidenceId } })).stance).toBe("OPPOSES");
    // Item 2 has no majority (one SUPPORTS, one NOT_RELEVANT): nothing to adopt.
    expect((await expectNoWrites(() => send(adoptRoute.POST, owner, { method: "POST", params: { id: roundId }, body: { item: 2 } }))).status).toBe(422);
  });

  it("adopts a majority where the map had no evidence by linking the passage", async () => {
    const created = await send(roundsRoute.POST, owner, { method: "POST", body: { title: "Second", items: [{ excerptId: excerpts[2].id, claimId: claims[1] }] } });
    const id = created.body.id;
    for (const who of [p1, p2]) await send(answersRoute.PUT, who, { method: "PUT", params: { id }, body: { answers: [{ item: 0, stance: "QUALIFIES" }] } });
    expect((await expectNoWrites(() => send(adoptRoute.POST, owner, { method: "POST", params: { id }, body: { item: 0 } }))).status).toBe(409);
    await send(closeRoute.POST, owner, { method: "POST", params: { id }, body: {} });
    const adopted = await send(adoptRoute.POST, owner, { method: "POST", params: { id }, body: { item: 0 } });
    expect(adopted.body).toMatchObject({ stance: "QUALIFIES", created: true });
    const evidence = await db().evidence.findFirstOrThrow({ where: { excerptId: excerpts[2].id, claimId: claims[1], deletedAt: null } });
    expect(evidence).toMatchObject({ stance: "QUALIFIES", voice: "AUTHOR" });
  });
});
