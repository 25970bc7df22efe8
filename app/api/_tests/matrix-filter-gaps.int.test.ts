/**
 * The matrix's filters and controversy sort, and the gaps report, against a real PostgreSQL: a
 * small workspace built through the API, so every expected row is known.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { POST as createWorkspace } from "../workspaces/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { POST as createExcerpt } from "../workspaces/[slug]/excerpts/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";
import { GET as getGaps } from "../workspaces/[slug]/gaps/route";

const SLUG = "filter-gaps";
const params = { slug: SLUG };
let owner: TActor;
const ids: Record<string, string> = {};

const TEXT_A = "Alpha holds that the bloc is real. Alpha also thinks trade matters. An aside nobody cites.";
const TEXT_B = "Beta says the bloc is a myth. Beta agrees that trade matters.";

async function cite(sourceKey: string, text: string, exact: string, claimKey: string, stance: "SUPPORTS" | "OPPOSES" | "QUALIFIES", voice = "AUTHOR") {
  const start = text.indexOf(exact);
  const response = await call(createExcerpt, {
    method: "POST",
    params,
    headers: owner.headers,
    body: { sourceId: ids[sourceKey], selector: { start, end: start + exact.length, exact }, evidence: claimKey ? [{ claimId: ids[claimKey], stance, voice }] : [] },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

beforeAll(async () => {
  owner = await createActor(null, null, "Owner");
  expect((await call(createWorkspace, { method: "POST", headers: owner.headers, body: { title: "Filters and gaps", slug: SLUG, visibility: "PRIVATE" } })).status).toBe(201);
  for (const [key, name, published, text] of [["a", "Alpha", "2010", TEXT_A], ["b", "Beta", "2020-05", TEXT_B]] as const) {
    const created = await call(createSource, { method: "POST", params, headers: owner.headers, body: { title: `${name}'s article`, author: { name }, published, text } });
    expect(created.status).toBe(201);
    ids[key] = created.body.id;
    ids[`author-${key}`] = created.body.authorId;
  }
  for (const [key, text, tags] of [["bloc", "The bloc is real.", ["security"]], ["trade", "Trade matters.", ["economy"]], ["empty", "Nobody has argued this yet.", []]] as const) {
    const created = await call(createClaim, { method: "POST", params, headers: owner.headers, body: { text, tags } });
    expect(created.status).toBe(201);
    ids[key] = created.body.id;
  }
  await cite("a", TEXT_A, "Alpha holds that the bloc is real.", "bloc", "SUPPORTS");
  await cite("b", TEXT_B, "Beta says the bloc is a myth.", "bloc", "OPPOSES");
  await cite("a", TEXT_A, "Alpha also thinks trade matters.", "trade", "SUPPORTS");
  ids.aside = await cite("a", TEXT_A, "An aside nobody cites.", "", "SUPPORTS");
});

const claimIds = (body: { claims: { id: string }[] }) => body.claims.map((c) => c.id);

describe("GET /api/workspaces/:slug/matrix with filters", () => {
  it("marks each row's controversy and counts the whole map", async () => {
    const { status, body } = await call(getMatrix, { params, headers: owner.headers });
    expect(status).toBe(200);
    expect(claimIds(body)).toEqual([ids.bloc, ids.trade, ids.empty]);
    expect(body.claims.map((c: { controversy: { split: boolean; score: number } }) => [c.controversy.split, c.controversy.score])).toEqual([[true, 1], [false, 0], [false, 0]]);
    expect(body.total).toBe(3);
    expect(body.mapTotal).toBe(3);
  });

  it("filters by tag, author, stance and controversy, and sorts by controversy", async () => {
    const query = async (q: string) => {
      const { status, body } = await call(getMatrix, { path: `/api/workspaces/${SLUG}/matrix?${q}`, params, headers: owner.headers });
      expect(status).toBe(200);
      return body;
    };
    expect(claimIds(await query("tag=economy"))).toEqual([ids.trade]);
    expect(claimIds(await query(`author=${ids["author-b"]}`))).toEqual([ids.bloc]);
    expect(claimIds(await query(`author=${ids["author-b"]}&stance=SILENT`))).toEqual([ids.trade, ids.empty]);
    expect(claimIds(await query("stance=SUPPORTS"))).toEqual([ids.bloc, ids.trade]);
    expect(claimIds(await query("controversy=split"))).toEqual([ids.bloc]);
    expect(claimIds(await query("controversy=one-sided"))).toEqual([ids.trade]);
    const sorted = await query("sort=controversy&limit=1");
    expect(claimIds(sorted)).toEqual([ids.bloc]);
    expect(sorted.total).toBe(3);
    const filtered = await query("tag=economy&tag=");
    expect(filtered.mapTotal).toBe(3);
    // An empty value is "any": the filter bar sends every field.
    expect(claimIds(await query("tag=&author=&stance=&controversy=&sort="))).toEqual([ids.bloc, ids.trade, ids.empty]);
  });

  it("rejects an unknown filter value with 400 naming the field", async () => {
    for (const q of ["sort=loudest", "stance=MAYBE", "author=not-a-uuid", "controversy=hot"]) {
      const { status, body } = await call(getMatrix, { path: `/api/workspaces/${SLUG}/matrix?${q}`, params, headers: owner.headers });
      expect(status).toBe(400);
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(body.error.issues[0].path).toBe(q.split("=")[0]);
    }
  });
});

describe("GET /api/workspaces/:slug/gaps", () => {
  it("lists claims on one source or none, silent authors and uncited excerpts", async () => {
    const { status, body } = await call(getGaps, { params, headers: owner.headers });
    expect(status).toBe(200);
    expect(body.thinClaims.total).toBe(2);
    expect(body.thinClaims.items).toEqual([
      { claimId: ids.empty, claimText: "Nobody has argued this yet.", source: null },
      { claimId: ids.trade, claimText: "Trade matters.", source: { id: ids.a, title: "Alpha's article", authorShortName: "Alpha" } },
    ]);
    expect(body.silent.items).toEqual([
      { claimId: ids.trade, claimText: "Trade matters.", authorIds: [ids["author-b"]] },
      { claimId: ids.empty, claimText: "Nobody has argued this yet.", authorIds: [ids["author-a"], ids["author-b"]] },
    ]);
    expect(body.silent.cells).toBe(3);
    expect(body.uncitedExcerpts.items.map((x: { excerptId: string }) => x.excerptId)).toEqual([ids.aside]);
  });

  it("ignores soft-deleted evidence and sources", async () => {
    await db().source.update({ where: { id: ids.b }, data: { deletedAt: new Date() } });
    try {
      const { body } = await call(getGaps, { params, headers: owner.headers });
      // Without Beta's article the bloc claim rests on Alpha alone, and Beta is no longer a column.
      expect(body.thinClaims.items.map((c: { claimId: string }) => c.claimId)).toEqual([ids.empty, ids.bloc, ids.trade]);
      expect(body.silent.cells).toBe(1);
    } finally {
      await db().source.update({ where: { id: ids.b }, data: { deletedAt: null } });
    }
  });

  it("is hidden from outsiders of a private workspace (404)", async () => {
    const outsider = await createActor(null, null, "Outsider");
    expect((await call(getGaps, { params, headers: outsider.headers })).status).toBe(404);
    expect((await call(getMatrix, { params, headers: outsider.headers })).status).toBe(404);
  });
});
