/**
 * The room among the authors in the compare answer, against PostgreSQL: the majority of the votes
 * set beside every author with its n, each voter's own place, opinion groups from eight voters —
 * and that no participant's answer carries another participant's id, name or votes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedWorkspace } from "@/lib/db/seed/seed-workspace";
import type { TVoteChoice } from "@/lib/domain/types";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { PUT as putVote } from "../workspaces/[slug]/claims/[id]/vote/route";
import { GET as compare } from "../workspaces/[slug]/compare/route";
import { POST as endSession } from "../workspaces/[slug]/session/end/route";
import { PATCH as patchPoll, POST as openPoll } from "../workspaces/[slug]/session/poll/route";
import { POST as startSession } from "../workspaces/[slug]/session/route";

const SLUG = "room-fixture";
const params = { slug: SLUG };

let owner: TActor;
let hawks: TActor[];
let doves: TActor[];
let reader: TActor;
let claimIds: string[];
let hawk: string;
let dove: string;

const compareAs = async (actor: TActor | null) => {
  const { status, body } = await call(compare, { path: `/api/workspaces/${SLUG}/compare?authors=${hawk},${dove}`, params, headers: actor ? actor.headers : {} });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
};

async function vote(actor: TActor, choices: TVoteChoice[]) {
  for (const [i, choice] of choices.entries()) {
    const { status } = await call(putVote, { method: "PUT", headers: actor.headers, params: { ...params, id: claimIds[i] }, body: { choice } });
    expect(status).toBe(200);
  }
}

beforeAll(async () => {
  // Hawk supports c1 and c2 and opposes c3 and c4; Dove the reverse.
  await seedWorkspace(db(), {
    workspace: { slug: SLUG, title: "Room fixture", visibility: "PRIVATE" },
    sources: [
      { key: "h", title: "Hawk's piece", author: { name: "Hawk Author", shortName: "Hawk" }, published: "2020", text: "H1 yes. H2 yes. H3 no. H4 no." },
      { key: "d", title: "Dove's piece", author: { name: "Dove Author", shortName: "Dove" }, published: "2021", text: "D1 no. D2 no. D3 yes. D4 yes." },
    ],
    claims: [1, 2, 3, 4].map((n) => ({ key: `c${n}`, text: `Claim number ${n}.` })),
    evidence: [1, 2, 3, 4].flatMap((n) => [
      { source: "h", exact: `H${n} ${n <= 2 ? "yes" : "no"}.`, claim: `c${n}`, stance: n <= 2 ? ("SUPPORTS" as const) : ("OPPOSES" as const), voice: "AUTHOR" as const },
      { source: "d", exact: `D${n} ${n <= 2 ? "no" : "yes"}.`, claim: `c${n}`, stance: n <= 2 ? ("OPPOSES" as const) : ("SUPPORTS" as const), voice: "AUTHOR" as const },
    ]),
  });
  const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
  await db().member.deleteMany({ where: { workspaceId: workspace.id } });
  owner = await createActor(SLUG, "OWNER", "Room Owner");
  hawks = await Promise.all([1, 2, 3, 4, 5].map((n) => createActor(SLUG, "COMMENTER", `Hawkish Voter ${n}`)));
  doves = await Promise.all([1, 2, 3, 4].map((n) => createActor(SLUG, "COMMENTER", `Dovish Voter ${n}`)));
  reader = await createActor(SLUG, "VIEWER", "Room Reader");
  claimIds = (await db().claim.findMany({ where: { workspaceId: workspace.id }, orderBy: { text: "asc" }, select: { id: true } })).map((c) => c.id);
  const authors = await db().author.findMany({ where: { workspaceId: workspace.id }, select: { id: true, shortName: true } });
  hawk = authors.find((a) => a.shortName === "Hawk")!.id;
  dove = authors.find((a) => a.shortName === "Dove")!.id;
});

describe("the room in GET /compare", () => {
  it("has no voters and no room position before anyone votes; the answer keeps its earlier fields", async () => {
    const body = await compareAs(owner);
    expect(body.chosen).toEqual([hawk, dove]);
    expect(body.summary).toMatchObject({ n: 4, disagree: 4 });
    expect(body.agreement[hawk][dove]).toMatchObject({ n: 4, agree: 0, disagree: 4 });
    expect(body.room).toMatchObject({ voters: 0, me: null, groups: null });
    expect(body.room.agreement[hawk]).toMatchObject({ n: 0, share: null });
  });

  it("sets the majority beside every author with its n, and places each voter", async () => {
    await vote(hawks[0], ["AGREE", "AGREE", "DISAGREE", "DISAGREE"]);
    await vote(hawks[1], ["AGREE", "AGREE", "DISAGREE", "UNSURE"]);
    await vote(doves[0], ["DISAGREE", "DISAGREE", "AGREE"]);
    const body = await compareAs(hawks[1]);
    // c1, c2: 2 agree vs 1 → supports; c3: 2 disagree vs 1 → opposes; c4: 1 disagree vs 1 unsure → no position.
    expect(body.room.voters).toBe(3);
    expect(body.room.agreement[hawk]).toMatchObject({ n: 3, agree: 3, disagree: 0, share: 1 });
    expect(body.room.agreement[dove]).toMatchObject({ n: 3, agree: 0, disagree: 3, share: 0 });
    expect(body.room.me).toMatchObject({ votes: 4, closest: { authorId: hawk, agree: 3, n: 3, share: 1 } });
    expect((await compareAs(doves[0])).room.me.closest).toMatchObject({ authorId: dove, agree: 3, n: 3 });
    expect((await compareAs(reader)).room.me).toBeNull();
    expect((await compareAs(owner)).room.groups).toBeNull();
  });

  it("forms opinion groups from eight voters, named for the owner and anonymous for a participant", async () => {
    for (const h of hawks.slice(2)) await vote(h, ["AGREE", "AGREE", "DISAGREE", "DISAGREE"]);
    for (const d of doves.slice(1)) await vote(d, ["DISAGREE", "DISAGREE", "AGREE", "AGREE"]);
    const forOwner = (await compareAs(owner)).room;
    expect(forOwner.voters).toBe(9);
    expect(forOwner.named).toBe(true);
    expect(forOwner.groups.k).toBe(2);
    const sizes = forOwner.groups.groups.map((g: { size: number }) => g.size).sort();
    expect(sizes).toEqual([4, 5]);
    const hawkGroup = forOwner.groups.groups.find((g: { size: number }) => g.size === 5);
    expect(hawkGroup.closest[0]).toMatchObject({ authorId: hawk });
    expect([...hawkGroup.members].sort()).toEqual(hawks.map((_, i) => `Hawkish Voter ${i + 1}`));
    expect(forOwner.groups.points.map((p: { name: string }) => p.name).sort()).toEqual([...hawks.map((_, i) => `Hawkish Voter ${i + 1}`), ...doves.map((_, i) => `Dovish Voter ${i + 1}`)].sort());

    const participant = doves[2];
    const forParticipant = (await compareAs(participant)).room;
    expect(forParticipant.named).toBe(false);
    expect(forParticipant.groups.k).toBe(2);
    expect(forParticipant.groups.groups.every((g: { members: unknown }) => g.members === null)).toBe(true);
    expect(forParticipant.groups.points.every((p: object) => !("name" in p))).toBe(true);
    expect(forParticipant.groups.points.filter((p: { mine: boolean }) => p.mine)).toHaveLength(1);
  });

  it("carries no other participant's id, name or votes to a participant or a reader", async () => {
    const others = [...hawks, ...doves.filter((_, i) => i !== 2), owner];
    for (const asker of [doves[2], reader, hawks[0]]) {
      const text = JSON.stringify(await compareAs(asker));
      for (const other of others) {
        if (other === asker) continue;
        expect(text).not.toContain(other.userId);
        expect(text).not.toMatch(/Hawkish Voter|Dovish Voter|Room Owner/);
        expect(text).not.toContain(other.email);
      }
      // Per-claim data of any voter would name a claim; the room's part names none.
      const room = JSON.stringify((await compareAs(asker)).room);
      for (const claimId of claimIds) expect(room).not.toContain(claimId);
      expect(room).not.toMatch(/AGREE|DISAGREE|UNSURE/);
    }
  });

  it("names the voters for the live session's facilitator, and holds back a claim whose poll is not revealed", async () => {
    const facilitator = await createActor(SLUG, "EDITOR", "Room Facilitator");
    const as = (method: string, body: unknown) => ({ method, headers: facilitator.headers, params, body });
    expect((await call(startSession, as("POST", { spotlightClaimId: claimIds[3] }))).status).toBe(201);
    try {
      // Claim four: four hawks disagree, one is unsure, three doves agree → the room opposes, as Hawk does.
      expect((await compareAs(hawks[0])).room.agreement[hawk]).toMatchObject({ n: 4, agree: 4 });
      expect((await call(openPoll, as("POST", {}))).status).toBe(201);
      const forParticipant = (await compareAs(hawks[0])).room;
      expect(forParticipant.agreement[hawk]).toMatchObject({ n: 3, agree: 3 });
      expect(forParticipant.me.agreement[hawk]).toMatchObject({ n: 3 });
      expect(forParticipant.named).toBe(false);
      const forFacilitator = (await compareAs(facilitator)).room;
      expect(forFacilitator.agreement[hawk]).toMatchObject({ n: 4, agree: 4 });
      expect(forFacilitator.named).toBe(true);
      expect(forFacilitator.groups.points.map((p: { name: string }) => p.name)).toContain("Dovish Voter 1");
      await call(patchPoll, as("PATCH", { action: "close" }));
      await call(patchPoll, as("PATCH", { action: "reveal" }));
      expect((await compareAs(hawks[0])).room.agreement[hawk]).toMatchObject({ n: 4, agree: 4 });
    } finally {
      await call(endSession, as("POST", {}));
    }
  });
});
