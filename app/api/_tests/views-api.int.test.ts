/**
 * The compare and timeline API against a real PostgreSQL seeded with the demo. Expected values
 * are computed here from GET /matrix and from the stored evidence with small rules of the tests'
 * own, so a slip in the app's domain code cannot make both sides wrong in the same way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedWorkspace } from "@/lib/db/seed/seed-workspace";
import { createActor, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { GET as compare } from "../workspaces/[slug]/compare/route";
import { GET as timeline } from "../workspaces/[slug]/timeline/route";
import { GET as getMatrix } from "../workspaces/[slug]/matrix/route";

type TStanceName = "SUPPORTS" | "OPPOSES" | "MIXED" | "QUALIFIES" | "SILENT";

interface TMatrixBody {
  authors: { id: string; name: string; shortName: string; published: string }[];
  claims: { id: string; text: string; positions: Record<string, { stance: TStanceName; evidenceCount: number; explicit: boolean }> }[];
}

interface TCompareBody {
  authors: { id: string; shortName: string }[];
  chosen: string[];
  summary: { n: number; agree: number; disagree: number; differ: number; onlyOne: number; none: number; share: number | null; alone: Record<string, number> };
  claims: {
    id: string;
    group: string;
    positions: Record<string, { stance: TStanceName; evidenceCount: number; explicit: boolean }>;
    quotes: Record<string, { excerptId: string; sourceId: string; exact: string; stance: string; voice: "AUTHOR" | "REPORTED"; published: string }[]>;
  }[];
  agreement: Record<string, Record<string, { n: number; agree: number; disagree: number; differ: number; share: number | null }>>;
}

interface TTimelineBody {
  authors: { id: string; shortName: string }[];
  sources: { id: string; authorId: string; published: string; precision: string; from: string; to: string }[];
  axis: { from: string; to: string; ticks: { year: number; at: number }[] } | null;
  claims: {
    id: string;
    text: string;
    marks: { sourceId: string; authorId: string; stance: TStanceName; precision: string; published: string; evidenceCount: number; excerptId: string | null }[];
    positions: Record<string, { stance: TStanceName; explicit: boolean }>;
  }[];
}

const SLUG = "sco-debate";
const FIXTURE = "views-fixture";

/** The tests' own grouping rule for two or more authors' positions on one claim. */
function expectedGroup(stances: TStanceName[]): string {
  const speaking = stances.filter((s) => s !== "SILENT");
  if (speaking.length === 0) return "none";
  if (speaking.length === 1) return "only-one";
  if (speaking.includes("SUPPORTS") && speaking.includes("OPPOSES")) return "disagree";
  return new Set(speaking).size === 1 ? "agree" : "differ";
}

/** The tests' own reading of a set of AUTHOR-voice stances. */
function expectedStance(stances: string[]): TStanceName {
  const s = new Set(stances);
  if (s.has("SUPPORTS") && s.has("OPPOSES")) return "MIXED";
  if (s.has("SUPPORTS")) return "SUPPORTS";
  if (s.has("OPPOSES")) return "OPPOSES";
  return s.has("QUALIFIES") ? "QUALIFIES" : "SILENT";
}

const matrixOf = async (slug: string, headers: Record<string, string> = {}) => (await call(getMatrix, { params: { slug }, headers })).body as TMatrixBody;
const compareOf = (slug: string, query: string, headers: Record<string, string> = {}) => call(compare, { path: `/api/workspaces/${slug}/compare${query}`, params: { slug }, headers });
const timelineOf = (slug: string, query = "", headers: Record<string, string> = {}) => call(timeline, { path: `/api/workspaces/${slug}/timeline${query}`, params: { slug }, headers });
const idOf = (matrix: TMatrixBody, shortName: string) => matrix.authors.find((a) => a.shortName === shortName)!.id;

let member: TActor;
let outsider: TActor;

beforeAll(async () => {
  // A private workspace: A writes twice (2019, May 2023) and changes her mind; B and C never speak on the same claim.
  await seedWorkspace(db(), {
    workspace: { slug: FIXTURE, title: "Views fixture", visibility: "PRIVATE" },
    sources: [
      { key: "a1", title: "A, early", author: { name: "Author A", shortName: "A" }, published: "2019", text: "Alpha holds that the plan works. Alpha adds a caveat about cost." },
      { key: "a2", title: "A, later", author: { name: "Author A", shortName: "A" }, published: "2023-05", text: "Alpha now thinks the plan fails." },
      { key: "b", title: "B", author: { name: "Author B", shortName: "B" }, published: "2021-06-15", text: "Beta says the plan works. Beta says nothing else." },
      { key: "c", title: "C", author: { name: "Author C", shortName: "C" }, published: "2020", text: "Gamma says costs will rise." },
    ],
    claims: [
      { key: "plan", text: "The plan works." },
      { key: "cost", text: "Costs will rise." },
    ],
    evidence: [
      { source: "a1", exact: "Alpha holds that the plan works.", claim: "plan", stance: "SUPPORTS", voice: "AUTHOR" },
      { source: "a1", exact: "Alpha adds a caveat about cost.", claim: "cost", stance: "QUALIFIES", voice: "AUTHOR" },
      { source: "a2", exact: "Alpha now thinks the plan fails.", claim: "plan", stance: "OPPOSES", voice: "AUTHOR" },
      { source: "b", exact: "Beta says the plan works.", claim: "plan", stance: "SUPPORTS", voice: "AUTHOR" },
      { source: "c", exact: "Gamma says costs will rise.", claim: "cost", stance: "SUPPORTS", voice: "AUTHOR" },
    ],
  });
  member = await createActor(FIXTURE, "VIEWER", "Member");
  outsider = await createActor(null, null, "Outsider");
});

describe("GET /api/workspaces/:slug/compare", () => {
  it("compares Katz and Nurimbetov exactly as the matrix shows them", async () => {
    const matrix = await matrixOf(SLUG);
    const [katz, nurimbetov] = [idOf(matrix, "Katz"), idOf(matrix, "Nurimbetov")];
    const { status, body } = await compareOf(SLUG, `?authors=${katz},${nurimbetov}`);
    expect(status).toBe(200);
    const result = body as TCompareBody;
    expect(result.chosen).toEqual([katz, nurimbetov]);
    expect(result.authors.map((a) => a.id)).toEqual(matrix.authors.map((a) => a.id));
    expect(result.claims.map((c) => c.id)).toEqual(matrix.claims.map((c) => c.id));

    const counts: Record<string, number> = { agree: 0, disagree: 0, differ: 0, "only-one": 0, none: 0 };
    for (const claim of matrix.claims) {
      const compared = result.claims.find((c) => c.id === claim.id)!;
      expect(compared.positions[katz]).toMatchObject(claim.positions[katz]);
      expect(compared.positions[nurimbetov]).toMatchObject(claim.positions[nurimbetov]);
      const group = expectedGroup([claim.positions[katz].stance, claim.positions[nurimbetov].stance]);
      expect(compared.group, claim.text).toBe(group);
      counts[group] += 1;
      // Every link of the cell is listed as a quote, REPORTED ones included, own words first.
      for (const author of [katz, nurimbetov]) {
        const quotes = compared.quotes[author];
        expect(quotes).toHaveLength(claim.positions[author].evidenceCount);
        const voices = quotes.map((q) => q.voice);
        expect(voices).toEqual([...voices].sort());
      }
    }
    expect(counts.agree + counts.disagree).toBeGreaterThan(0);
    const n = counts.agree + counts.disagree + counts.differ;
    expect(result.summary).toEqual({
      n,
      agree: counts.agree,
      disagree: counts.disagree,
      differ: counts.differ,
      onlyOne: counts["only-one"],
      none: counts.none,
      share: n === 0 ? null : counts.agree / n,
      alone: expect.any(Object),
    });
    // The heatmap cell for the pair says the same as the comparison.
    expect(result.agreement[katz][nurimbetov]).toEqual({ n, agree: counts.agree, disagree: counts.disagree, differ: counts.differ, share: result.summary.share });
    expect(result.agreement[nurimbetov][katz]).toEqual(result.agreement[katz][nurimbetov]);
  });

  it("gives each quote's exact words, where they are in the source, and marks Nurimbetov's reported anti-NATO view", async () => {
    const matrix = await matrixOf(SLUG);
    const [katz, nurimbetov] = [idOf(matrix, "Katz"), idOf(matrix, "Nurimbetov")];
    const result = (await compareOf(SLUG, `?authors=${nurimbetov},${katz}`)).body as TCompareBody;
    const antiNato = result.claims.find((c) => c.id === matrix.claims.find((m) => m.text === "The SCO is an anti-NATO bloc.")!.id)!;
    expect(antiNato.positions[nurimbetov].stance).toBe("OPPOSES");
    expect(antiNato.quotes[nurimbetov].some((q) => q.voice === "REPORTED" && q.stance === "SUPPORTS")).toBe(true);
    expect(antiNato.quotes[nurimbetov][0].voice).toBe("AUTHOR");
    const quotes = result.claims.flatMap((c) => Object.values(c.quotes).flat());
    expect(quotes.length).toBeGreaterThan(5);
    for (const quote of quotes) {
      const excerpt = await db().excerpt.findUniqueOrThrow({ where: { id: quote.excerptId }, select: { sourceId: true, start: true, end: true, source: { select: { text: true } } } });
      expect(excerpt.sourceId).toBe(quote.sourceId);
      expect(excerpt.source.text.slice(excerpt.start, excerpt.end)).toBe(quote.exact);
    }
  });

  it("gives an agreement heatmap over every pair of authors that matches the matrix", async () => {
    const matrix = await matrixOf(SLUG);
    const ids = matrix.authors.map((a) => a.id);
    const result = (await compareOf(SLUG, `?authors=${ids[0]},${ids[1]}`)).body as TCompareBody;
    expect(Object.keys(result.agreement).sort()).toEqual([...ids].sort());
    for (const a of ids) {
      for (const b of ids) {
        const relations = matrix.claims.map((c) => expectedGroup([c.positions[a].stance, c.positions[b].stance]));
        const agree = relations.filter((r) => r === "agree").length;
        const n = relations.filter((r) => r === "agree" || r === "disagree" || r === "differ").length;
        expect(result.agreement[a][b], `${a} × ${b}`).toMatchObject({ n, agree, share: n === 0 ? null : agree / n });
      }
    }
  });

  it("compares three authors, in the matrix's order whatever order they are asked in", async () => {
    const matrix = await matrixOf(SLUG);
    const chosen = ["Katz", "Nurimbetov", "ECFR"].map((s) => idOf(matrix, s));
    const { status, body } = await compareOf(SLUG, `?authors=${[...chosen].reverse().join(",")}`);
    expect(status).toBe(200);
    const result = body as TCompareBody;
    expect(result.chosen).toEqual(chosen);
    for (const claim of matrix.claims) {
      expect(result.claims.find((c) => c.id === claim.id)!.group).toBe(expectedGroup(chosen.map((id) => claim.positions[id].stance)));
    }
    const onlyOne = result.claims.filter((c) => c.group === "only-one");
    expect(Object.values(result.summary.alone).reduce((a, b) => a + b, 0)).toBe(onlyOne.length);
  });

  it("accepts the authors key repeated, as a plain HTML form sends it", async () => {
    const matrix = await matrixOf(SLUG);
    const [a, b] = [idOf(matrix, "ECFR"), idOf(matrix, "Harding")];
    const { status, body } = await compareOf(SLUG, `?authors=${a}&authors=${b}`);
    expect(status).toBe(200);
    expect(body.chosen).toEqual([a, b]);
  });

  it("answers 400 for missing, malformed, single or repeated author ids, and 404 for ids of no author here", async () => {
    const matrix = await matrixOf(SLUG);
    const katz = idOf(matrix, "Katz");
    const missing = await compareOf(SLUG, "");
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("BAD_REQUEST");
    expect(missing.body.error.issues).toEqual([{ path: "authors", message: "authors is required, e.g. ?authors=<id>,<id>" }]);

    const malformed = await compareOf(SLUG, `?authors=${katz},42`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues).toEqual([{ path: "authors.1", message: "Not a valid id (expected a UUID)" }]);

    for (const query of [`?authors=${katz}`, `?authors=${katz},${katz}`, `?authors=${katz},`]) {
      const single = await compareOf(SLUG, query);
      expect(single.status, query).toBe(400);
      expect(single.body.error.issues).toEqual([{ path: "authors", message: "Choose at least two different authors" }]);
    }

    const unknownId = "00000000-0000-4000-8000-000000000000";
    const unknown = await compareOf(SLUG, `?authors=${katz},${unknownId}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: "NOT_FOUND", message: `No author with id ${unknownId} has sources in this workspace.` });

    // An author of another workspace is no author here.
    const foreign = await db().author.findFirstOrThrow({ where: { workspace: { slug: FIXTURE } } });
    expect((await compareOf(SLUG, `?authors=${katz},${foreign.id}`)).status).toBe(404);
  });

  it("hides a private workspace from outsiders as 404, and shows members n = 0 where two authors share no claim", async () => {
    const fixture = await matrixOf(FIXTURE, member.headers);
    const [a, b, c] = ["A", "B", "C"].map((s) => idOf(fixture, s));
    expect((await compareOf(FIXTURE, `?authors=${b},${c}`)).status).toBe(404);
    expect((await compareOf(FIXTURE, `?authors=${b},${c}`, outsider.headers)).status).toBe(404);
    // Even malformed input does not tell an outsider that the workspace exists.
    expect((await compareOf(FIXTURE, "?authors=x", outsider.headers)).status).toBe(404);

    const { status, body } = await compareOf(FIXTURE, `?authors=${b},${c}`, member.headers);
    expect(status).toBe(200);
    const result = body as TCompareBody;
    expect(result.summary).toMatchObject({ n: 0, agree: 0, share: null, onlyOne: 2, alone: { [b]: 1, [c]: 1 } });
    expect(result.agreement[b][c]).toEqual({ n: 0, agree: 0, disagree: 0, differ: 0, share: null });
    // A wrote on both claims; overall MIXED on the plan (supports in 2019, opposes in 2023).
    expect(result.agreement[a][b]).toEqual({ n: 1, agree: 0, disagree: 0, differ: 1, share: 0 });
  });

  it("uses a position set by hand, as the matrix does", async () => {
    const fixture = await matrixOf(FIXTURE, member.headers);
    const [a, b] = ["A", "B"].map((s) => idOf(fixture, s));
    const plan = fixture.claims.find((c) => c.text === "The plan works.")!;
    const workspace = await db().workspace.findUniqueOrThrow({ where: { slug: FIXTURE } });
    const position = await db().position.create({ data: { workspaceId: workspace.id, claimId: plan.id, authorId: a, stance: "SUPPORTS", note: "Her later piece is about a different plan." } });
    try {
      const result = (await compareOf(FIXTURE, `?authors=${a},${b}`, member.headers)).body as TCompareBody;
      const claim = result.claims.find((c) => c.id === plan.id)!;
      expect(claim.positions[a]).toMatchObject({ stance: "SUPPORTS", explicit: true, derived: "MIXED" });
      expect(claim.group).toBe("agree");
      expect(result.agreement[a][b]).toMatchObject({ n: 1, agree: 1, share: 1 });
      expect((await matrixOf(FIXTURE, member.headers)).claims.find((c) => c.id === plan.id)!.positions[a]).toMatchObject({ stance: "SUPPORTS", explicit: true });
    } finally {
      await db().position.delete({ where: { id: position.id } });
    }
  });
});

describe("GET /api/workspaces/:slug/timeline", () => {
  it("places every source of the demo in date order on an axis from 2008 to 2024", async () => {
    const { status, body } = await timelineOf(SLUG);
    expect(status).toBe(200);
    const result = body as TTimelineBody;
    const byId = new Map(result.authors.map((a) => [a.id, a.shortName]));
    expect(result.sources.map((s) => byId.get(s.authorId))).toEqual(["Katz", "Nurimbetov", "ECFR", "Harding", "The Diplomat"]);
    expect(result.sources.map((s) => [s.published, s.precision])).toEqual([
      ["2008", "YEAR"],
      ["2021-04-29", "DAY"],
      ["2022-09", "MONTH"],
      ["2022-12-22", "DAY"],
      ["2024-07", "MONTH"],
    ]);
    expect(result.axis).toMatchObject({ from: "2008-01-01", to: "2025-01-01" });
    expect(result.axis!.ticks.map((t) => t.year)).toEqual(Array.from({ length: 17 }, (_, i) => 2008 + i));
  });

  it("gives each source the stance of its own words on each claim, and each author's position as the matrix shows it", async () => {
    const [result, matrix] = [(await timelineOf(SLUG)).body as TTimelineBody, await matrixOf(SLUG)];
    expect(result.claims.map((c) => c.id)).toEqual(matrix.claims.map((c) => c.id));
    const evidence = await db().evidence.findMany({
      where: { workspace: { slug: SLUG }, deletedAt: null, excerpt: { deletedAt: null, source: { deletedAt: null } } },
      select: { claimId: true, stance: true, voice: true, excerpt: { select: { id: true, sourceId: true } } },
    });
    for (const claim of result.claims) {
      expect(claim.marks.map((m) => m.sourceId)).toEqual(result.sources.map((s) => s.id));
      for (const mark of claim.marks) {
        const links = evidence.filter((e) => e.claimId === claim.id && e.excerpt.sourceId === mark.sourceId);
        expect(mark.stance, `${claim.text} / ${mark.sourceId}`).toBe(expectedStance(links.filter((l) => l.voice === "AUTHOR").map((l) => l.stance)));
        expect(mark.evidenceCount).toBe(links.length);
        if (links.length === 0) expect(mark.excerptId).toBeNull();
        else expect(links.map((l) => l.excerpt.id)).toContain(mark.excerptId);
      }
      const row = matrix.claims.find((c) => c.id === claim.id)!;
      for (const author of matrix.authors) expect(claim.positions[author.id]).toMatchObject({ stance: row.positions[author.id].stance, explicit: row.positions[author.id].explicit });
    }
  });

  it("narrows to one claim with ?claim=, linking Nurimbetov's mark to his own opposing words", async () => {
    const claim = await db().claim.findFirstOrThrow({ where: { text: "The SCO is an anti-NATO bloc.", workspace: { slug: SLUG } } });
    const { status, body } = await timelineOf(SLUG, `?claim=${claim.id}`);
    expect(status).toBe(200);
    const result = body as TTimelineBody;
    expect(result.claims.map((c) => c.id)).toEqual([claim.id]);
    const nurimbetov = result.authors.find((a) => a.shortName === "Nurimbetov")!;
    const mark = result.claims[0].marks.find((m) => m.authorId === nurimbetov.id)!;
    expect(mark.stance).toBe("OPPOSES");
    const link = await db().evidence.findFirstOrThrow({ where: { claimId: claim.id, excerptId: mark.excerptId!, deletedAt: null } });
    expect([link.voice, link.stance]).toEqual(["AUTHOR", "OPPOSES"]);
  });

  it("gives a window of claims by rank with ?offset=&limit=, and the total", async () => {
    const matrix = await matrixOf(SLUG);
    const { status, body } = await timelineOf(SLUG, "?offset=1&limit=2");
    expect(status).toBe(200);
    expect(body.claims.map((c: { id: string }) => c.id)).toEqual(matrix.claims.slice(1, 3).map((c) => c.id));
    expect(body.total).toBe(matrix.claims.length);
    expect(body.sources).toHaveLength(5);
    const all = (await timelineOf(SLUG)).body as TTimelineBody;
    expect(body.claims[0]).toEqual(all.claims[1]);
    const bad = await timelineOf(SLUG, "?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe("limit");
  });

  it("shows an author who changed their mind: a mark per source, overall MIXED", async () => {
    const { status, body } = await timelineOf(FIXTURE, "", member.headers);
    expect(status).toBe(200);
    const result = body as TTimelineBody;
    const a = result.authors.find((x) => x.shortName === "A")!;
    const plan = result.claims.find((c) => c.text === "The plan works.")!;
    expect(plan.marks.filter((m) => m.authorId === a.id).map((m) => [m.published, m.precision, m.stance])).toEqual([
      ["2019", "YEAR", "SUPPORTS"],
      ["2023-05", "MONTH", "OPPOSES"],
    ]);
    expect(plan.positions[a.id]).toMatchObject({ stance: "MIXED", explicit: false });
    expect(result.axis).toMatchObject({ from: "2019-01-01", to: "2024-01-01" });
  });

  it("answers 400 for a malformed claim id, 404 for an unknown or foreign claim, and 404 to outsiders of a private workspace", async () => {
    const malformed = await timelineOf(SLUG, "?claim=42");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues).toEqual([{ path: "claim", message: "Not a valid id (expected a UUID)" }]);
    const unknown = await timelineOf(SLUG, "?claim=00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ code: "NOT_FOUND", message: "Claim was not found." });
    const foreign = await db().claim.findFirstOrThrow({ where: { workspace: { slug: FIXTURE } } });
    expect((await timelineOf(SLUG, `?claim=${foreign.id}`)).status).toBe(404);
    expect((await timelineOf(FIXTURE)).status).toBe(404);
    expect((await timelineOf(FIXTURE, "", outsider.headers)).status).toBe(404);
  });
});
