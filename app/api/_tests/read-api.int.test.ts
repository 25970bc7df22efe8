/**
 * The read API against a real PostgreSQL seeded with the demo: handlers are called in-process
 * with real Requests, exactly as Next.js calls them.
 */
import { describe, expect, it } from "vitest";
import { GET as health } from "../health/route";
import { GET as listWorkspaces, POST as createWorkspace } from "../workspaces/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";
import { GET as getClaim } from "../workspaces/[slug]/claims/[id]/route";
import { GET as getSource } from "../workspaces/[slug]/sources/[id]/route";
import { GET as unknownEndpoint } from "../[...path]/route";
import { db } from "@/lib/db/client";
import { createActor } from "@/lib/testing/actors";
import { call as callAs } from "@/lib/testing/call";

const call = async (handler: (r: Request, c: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>, path: string, params: Record<string, string | string[]> = {}) => {
  const response = await handler(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json() };
};

interface MatrixBody {
  authors: { id: string; name: string; shortName: string; published: string }[];
  claims: { id: string; text: string; positions: Record<string, { stance: string; evidenceCount: number; explicit: boolean }> }[];
}

describe("GET /api/health", () => {
  it("reports the database as up", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, db: "up" });
  });
});

describe("GET /api/workspaces", () => {
  it("lists the public demo workspace for an anonymous caller", async () => {
    // Next.js passes no params to a route without dynamic segments.
    const response = await listWorkspaces(new Request("http://localhost/api/workspaces"));
    const [status, body] = [response.status, await response.json()];
    expect(status).toBe(200);
    expect(body).toContainEqual({ slug: "sco-debate", title: "The SCO: anti-NATO bloc or talk shop?", visibility: "PUBLIC", role: null });
  });

  it("does not list private workspaces to outsiders", async () => {
    await db().workspace.create({ data: { slug: "private-seminar", title: "Private seminar", visibility: "PRIVATE" } });
    const { body } = await call(listWorkspaces, "/api/workspaces");
    expect(body.map((w: { slug: string }) => w.slug)).not.toContain("private-seminar");
  });
});

describe("GET /api/workspaces/:slug/matrix", () => {
  it("returns five authors in date order and every claim with derived positions", async () => {
    const { status, body } = await call(getMatrix, "/api/workspaces/sco-debate/matrix", { slug: "sco-debate" });
    expect(status).toBe(200);
    const matrix = body as MatrixBody;
    expect(matrix.authors.map((a) => a.shortName)).toEqual(["Katz", "Nurimbetov", "ECFR", "Harding", "The Diplomat"]);
    expect(matrix.authors.map((a) => a.published)).toEqual(["2008", "2021-04-29", "2022-09", "2022-12-22", "2024-07"]);
    expect(matrix.claims.length).toBeGreaterThanOrEqual(10);
    for (const claim of matrix.claims) {
      expect(Object.keys(claim.positions).sort()).toEqual(matrix.authors.map((a) => a.id).sort());
    }
  });

  it("derives positions from the stored evidence (REPORTED never counts)", async () => {
    const { body } = await call(getMatrix, "/api/workspaces/sco-debate/matrix", { slug: "sco-debate" });
    const matrix = body as MatrixBody;
    const nurimbetov = matrix.authors.find((a) => a.shortName === "Nurimbetov")!;
    const antiNato = matrix.claims.find((c) => c.text === "The SCO is an anti-NATO bloc.")!;
    const cell = antiNato.positions[nurimbetov.id];
    expect(cell.stance).toBe("OPPOSES");
    const links = await db().evidence.findMany({ where: { claimId: antiNato.id, excerpt: { source: { authorId: nurimbetov.id } } } });
    expect(cell.evidenceCount).toBe(links.length);
    expect(links.some((l) => l.voice === "REPORTED" && l.stance === "SUPPORTS")).toBe(true);
  });

  it("answers 404 for an unknown workspace and 400 for a malformed slug", async () => {
    const missing = await call(getMatrix, "/api/workspaces/no-such-thing/matrix", { slug: "no-such-thing" });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: "NOT_FOUND", message: "Workspace was not found." } });
    const malformed = await call(getMatrix, "/api/workspaces/Bad%20Slug!/matrix", { slug: "Bad Slug!" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("BAD_REQUEST");
    expect(malformed.body.error.issues[0].path).toBe("slug");
  });

  it("hides a private workspace from outsiders as 404", async () => {
    const { status } = await call(getMatrix, "/api/workspaces/private-seminar/matrix", { slug: "private-seminar" });
    expect(status).toBe(404);
  });
});

describe("GET /api/workspaces/:slug/claims/:id", () => {
  it("returns the claim with evidence, links and positions", async () => {
    const claim = await db().claim.findFirstOrThrow({ where: { text: "The SCO is an anti-NATO bloc.", workspace: { slug: "sco-debate" } } });
    const { status, body } = await call(getClaim, `/api/workspaces/sco-debate/claims/${claim.id}`, { slug: "sco-debate", id: claim.id });
    expect(status).toBe(200);
    expect(body.text).toBe(claim.text);
    expect(body.evidence.length).toBeGreaterThan(0);
    for (const e of body.evidence) {
      const source = await db().source.findUniqueOrThrow({ where: { id: e.source.id } });
      expect(source.text.slice(e.excerpt.start, e.excerpt.end)).toBe(e.excerpt.exact);
      expect(["SUPPORTS", "OPPOSES", "QUALIFIES"]).toContain(e.stance);
      expect(e.author.shortName).toBeTruthy();
    }
    expect(body.positions).toHaveLength(5);
    expect(body.links.length).toBeGreaterThan(0);
    // Each link carries the version a DELETE of it is sent with.
    for (const link of body.links) {
      const row = await db().claimLink.findUniqueOrThrow({ where: { id: link.id } });
      expect(link.version).toBe(row.version);
    }
  });

  it("answers 404 for an unknown claim, a claim of another workspace, and 400 for a malformed id", async () => {
    const unknown = await call(getClaim, "/x", { slug: "sco-debate", id: "00000000-0000-4000-8000-000000000000" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: "NOT_FOUND", message: "Claim was not found." });

    const other = await db().workspace.create({ data: { slug: "other-public", title: "Other", visibility: "PUBLIC" } });
    const foreign = await db().claim.create({ data: { workspaceId: other.id, text: "Elsewhere", rank: 1 } });
    expect((await call(getClaim, "/x", { slug: "sco-debate", id: foreign.id })).status).toBe(404);
    expect((await call(getClaim, "/x", { slug: "other-public", id: foreign.id })).status).toBe(200);

    const malformed = await call(getClaim, "/x", { slug: "sco-debate", id: "42" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues).toEqual([{ path: "id", message: "Not a valid id (expected a UUID)" }]);
  });
});

describe("GET /api/workspaces/:slug/sources/:id", () => {
  it("returns the full text and every excerpt's selectors", async () => {
    const source = await db().source.findFirstOrThrow({ where: { title: { startsWith: "Rogue NATO" } } });
    const { status, body } = await call(getSource, "/x", { slug: "sco-debate", id: source.id });
    expect(status).toBe(200);
    expect(body.text).toBe(source.text);
    expect(body.published).toBe("2022-09");
    expect(body.excerpts.length).toBeGreaterThan(5);
    for (const excerpt of body.excerpts) {
      expect(body.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.exact);
      expect(body.text.slice(excerpt.start - excerpt.prefix.length, excerpt.start)).toBe(excerpt.prefix);
    }
    // Every seeded passage backs a claim (other tests may add bare excerpts).
    expect(body.excerpts.filter((e: { evidence: unknown[] }) => e.evidence.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it("answers 404 for an unknown source", async () => {
    const { status, body } = await call(getSource, "/x", { slug: "sco-debate", id: "00000000-0000-4000-8000-000000000000" });
    expect(status).toBe(404);
    expect(body.error.code).toBe("NOT_FOUND");
  });
});

describe("unknown API paths", () => {
  it("answer 404 as JSON", async () => {
    const response = await unknownEndpoint(new Request("http://localhost/api/nope"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "There is no API endpoint GET /api/nope." } });
  });
});

describe("a window of the matrix", () => {
  it("returns the requested rows in order with the total, and the same cells as the whole", async () => {
    const whole = (await call(getMatrix, "/api/workspaces/sco-debate/matrix", { slug: "sco-debate" })).body as MatrixBody & { total: number };
    const part = await call(getMatrix, "/api/workspaces/sco-debate/matrix?offset=2&limit=3", { slug: "sco-debate" });
    expect(part.status).toBe(200);
    expect(part.body.total).toBe(whole.claims.length);
    expect(part.body.claims).toEqual(whole.claims.slice(2, 5));
    expect(part.body.authors).toEqual(whole.authors);
    // The total of a first window that is full (counted) and of one that is not (its own length).
    const first = await call(getMatrix, "/api/workspaces/sco-debate/matrix?limit=3", { slug: "sco-debate" });
    expect([first.body.total, first.body.next]).toEqual([whole.claims.length, 3]);
    expect(whole.total).toBe(whole.claims.length);
    const roomy = await call(getMatrix, `/api/workspaces/sco-debate/matrix?limit=${whole.claims.length + 1}`, { slug: "sco-debate" });
    expect([roomy.body.total, roomy.body.next, roomy.body.claims.length]).toEqual([whole.claims.length, null, whole.claims.length]);
    const bad = await call(getMatrix, "/api/workspaces/sco-debate/matrix?limit=5000", { slug: "sco-debate" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("limit is a number from 1 to 1000, or all");
  });

  it("answers the first 50 rows unless asked, with where the next page starts, and every row for limit=all", async () => {
    const owner = await createActor(null, null, "Many Claims Owner");
    const created = await callAs(createWorkspace, { method: "POST", body: { title: "Many claims", slug: "many-claims", visibility: "PUBLIC" }, headers: owner.headers });
    const slug = (created.body as { slug: string }).slug;
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug } });
    await db().claim.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ workspaceId: workspace.id, text: `Claim ${i + 1} of many.`, rank: i + 1 })) });
    const page = (query: string) => call(getMatrix, `/api/workspaces/${slug}/matrix${query}`, { slug });

    const first = await page("");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 120, offset: 0, limit: 50, next: 50 });
    expect(first.body.claims.map((c: { text: string }) => c.text)).toEqual(Array.from({ length: 50 }, (_, i) => `Claim ${i + 1} of many.`));
    const last = await page("?offset=100");
    expect(last.body).toMatchObject({ total: 120, offset: 100, next: null });
    expect(last.body.claims).toHaveLength(20);
    const all = await page("?limit=all");
    expect(all.body).toMatchObject({ total: 120, limit: "all", next: null });
    expect(all.body.claims).toHaveLength(120);
    const rest = await page("?limit=all&offset=110");
    expect(rest.body.claims.map((c: { text: string }) => c.text)).toEqual(Array.from({ length: 10 }, (_, i) => `Claim ${i + 111} of many.`));
    expect((await page("?limit=none")).status).toBe(400);
  });
});

describe("reading a workspace", () => {
  it("authorizes before it reads the query: a hidden workspace is 404 whatever is asked, a readable one names the wrong field", async () => {
    const owner = await createActor(null, null, "Hidden Owner");
    const created = await callAs(createWorkspace, { method: "POST", body: { title: "Hidden notes", slug: "hidden-notes", visibility: "PRIVATE" }, headers: owner.headers });
    expect(created.status).toBe(201);
    const matrix = (query: string, headers: Record<string, string> = {}) => callAs(getMatrix, { path: `/api/workspaces/hidden-notes/matrix${query}`, params: { slug: "hidden-notes" }, headers });

    for (const query of ["", "?limit=5000"]) {
      expect(await matrix(query)).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "Workspace was not found." } } });
    }
    const bad = await matrix("?limit=5000", owner.headers);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid query: limit: /);
    const good = await matrix("", owner.headers);
    expect(good.status).toBe(200);
    expect(good.body.claims).toEqual([]);
  });
});
