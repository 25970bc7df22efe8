import { describe, expect, it } from "vitest";
import { agreementLabel, agreementMatrix, agreementOf, compareAuthors, describeComparison, groupOf, percentOf, relate } from "../agreement";
import { POSITION_STANCES, type TPositionStance } from "../types";

describe("relate", () => {
  it("classifies every pair of positions", () => {
    expect(relate("SUPPORTS", "SUPPORTS")).toBe("agree");
    expect(relate("MIXED", "MIXED")).toBe("agree");
    expect(relate("SUPPORTS", "OPPOSES")).toBe("disagree");
    expect(relate("OPPOSES", "SUPPORTS")).toBe("disagree");
    expect(relate("SUPPORTS", "QUALIFIES")).toBe("differ");
    expect(relate("MIXED", "OPPOSES")).toBe("differ");
    expect(relate("SUPPORTS", "SILENT")).toBe("only-one");
    expect(relate("SILENT", "QUALIFIES")).toBe("only-one");
    expect(relate("SILENT", "SILENT")).toBe("neither");
  });
});

describe("agreementOf", () => {
  it("counts only claims on which both take a position", () => {
    const katz = { c1: "OPPOSES", c2: "SUPPORTS", c3: "SUPPORTS", c4: "SILENT" } as const;
    const nurimbetov = { c1: "OPPOSES", c2: "OPPOSES", c3: "QUALIFIES", c5: "SUPPORTS" } as const;
    expect(agreementOf(katz, nurimbetov)).toEqual({ n: 3, agree: 1, disagree: 1, differ: 1, share: 1 / 3 });
  });

  it("gives n = 0 and no share (not 0 %) when two authors share no claim", () => {
    expect(agreementOf({ c1: "SUPPORTS" }, { c2: "OPPOSES" })).toEqual({ n: 0, agree: 0, disagree: 0, differ: 0, share: null });
    expect(agreementOf({}, {})).toMatchObject({ n: 0, share: null });
  });
});

describe("agreementMatrix", () => {
  it("is symmetric, with each author fully agreeing with themself where they speak", () => {
    const m = agreementMatrix(
      new Map<string, Record<string, TPositionStance>>([
        ["a", { c1: "SUPPORTS", c2: "OPPOSES" }],
        ["b", { c1: "SUPPORTS", c2: "SUPPORTS" }],
        ["c", { c3: "SUPPORTS" }],
      ]),
    );
    expect(m.get("a")!.get("b")).toEqual(m.get("b")!.get("a"));
    expect(m.get("a")!.get("b")).toMatchObject({ n: 2, agree: 1, disagree: 1, share: 0.5 });
    expect(m.get("a")!.get("a")).toMatchObject({ n: 2, share: 1 });
    expect(m.get("a")!.get("c")).toMatchObject({ n: 0, share: null });
  });
});

const claim = (id: string, positions: Record<string, TPositionStance>) => ({
  id,
  positions: Object.fromEntries(Object.entries(positions).map(([author, stance]) => [author, { stance }])),
});

describe("groupOf", () => {
  it("groups the positions of two or more authors on one claim", () => {
    expect(groupOf(["SUPPORTS", "SUPPORTS"])).toBe("agree");
    expect(groupOf(["OPPOSES", "SILENT", "OPPOSES"])).toBe("agree");
    expect(groupOf(["SUPPORTS", "OPPOSES"])).toBe("disagree");
    expect(groupOf(["SUPPORTS", "QUALIFIES", "OPPOSES"])).toBe("disagree");
    expect(groupOf(["SUPPORTS", "QUALIFIES"])).toBe("differ");
    expect(groupOf(["MIXED", "OPPOSES"])).toBe("differ");
    expect(groupOf(["SUPPORTS", "SUPPORTS", "MIXED"])).toBe("differ");
    expect(groupOf(["SILENT", "QUALIFIES", "SILENT"])).toBe("only-one");
    expect(groupOf(["SILENT", "SILENT", "SILENT"])).toBe("none");
  });

  it("says the same as relate for every pair, so the heatmap and the comparison cannot drift apart", () => {
    for (const a of POSITION_STANCES) {
      for (const b of POSITION_STANCES) {
        const relation = relate(a, b);
        expect(groupOf([a, b]), `${a} / ${b}`).toBe(relation === "neither" ? "none" : relation);
      }
    }
  });
});

describe("compareAuthors", () => {
  it("groups claims in their order and counts each group for two authors", () => {
    const claims = [
      claim("c1", { katz: "OPPOSES", nur: "OPPOSES" }),
      claim("c2", { katz: "SUPPORTS", nur: "OPPOSES" }),
      claim("c3", { katz: "SUPPORTS", nur: "QUALIFIES" }),
      claim("c4", { katz: "SILENT", nur: "SUPPORTS" }),
      claim("c5", { katz: "SILENT", nur: "SILENT" }),
      claim("c6", { katz: "MIXED", nur: "MIXED" }),
    ];
    const { groups, summary } = compareAuthors(claims, ["katz", "nur"]);
    expect(Object.fromEntries(Object.entries(groups).map(([g, list]) => [g, list.map((c) => c.id)]))).toEqual({
      agree: ["c1", "c6"],
      disagree: ["c2"],
      differ: ["c3"],
      "only-one": ["c4"],
      none: ["c5"],
    });
    expect(summary).toEqual({ n: 4, agree: 2, disagree: 1, differ: 1, onlyOne: 1, none: 1, share: 0.5, alone: { katz: 0, nur: 1 } });
  });

  it("handles three authors: agreement needs two speakers, one silent author does not break it", () => {
    const claims = [
      claim("c1", { a: "SUPPORTS", b: "SUPPORTS", c: "SILENT" }),
      claim("c2", { a: "SUPPORTS", b: "QUALIFIES", c: "OPPOSES" }),
      claim("c3", { a: "QUALIFIES", b: "SUPPORTS", c: "SUPPORTS" }),
      claim("c4", { a: "SILENT", b: "SILENT", c: "OPPOSES" }),
    ];
    const { groups, summary } = compareAuthors(claims, ["a", "b", "c"]);
    expect(groups.agree.map((c) => c.id)).toEqual(["c1"]);
    expect(groups.disagree.map((c) => c.id)).toEqual(["c2"]);
    expect(groups.differ.map((c) => c.id)).toEqual(["c3"]);
    expect(groups["only-one"].map((c) => c.id)).toEqual(["c4"]);
    expect(summary).toMatchObject({ n: 3, agree: 1, share: 1 / 3, alone: { a: 0, b: 0, c: 1 } });
  });

  it("treats an author missing from a claim's positions as silent", () => {
    const { summary } = compareAuthors([claim("c1", { a: "SUPPORTS" })], ["a", "b"]);
    expect(summary).toMatchObject({ n: 0, onlyOne: 1, share: null, alone: { a: 1, b: 0 } });
  });

  it("gives n = 0 and no share when all are silent or they share no claim", () => {
    const silent = compareAuthors([claim("c1", { a: "SILENT", b: "SILENT" })], ["a", "b"]);
    expect(silent.summary).toMatchObject({ n: 0, none: 1, share: null });
    const apart = compareAuthors([claim("c1", { a: "SUPPORTS", b: "SILENT" }), claim("c2", { a: "SILENT", b: "OPPOSES" })], ["a", "b"]);
    expect(apart.summary).toMatchObject({ n: 0, agree: 0, onlyOne: 2, share: null });
    expect(agreementLabel(apart.summary)).toBe("no shared claims");
    expect(compareAuthors([], ["a", "b"]).summary).toMatchObject({ n: 0, share: null });
  });

  it("for any two authors, counts exactly what the agreement matrix counts for that pair", () => {
    // A fixed pseudo-random map: five authors, forty claims.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const authors = ["a", "b", "c", "d", "e"];
    const claims = Array.from({ length: 40 }, (_, i) => claim(`c${i}`, Object.fromEntries(authors.map((a) => [a, POSITION_STANCES[next() % 5]]))));
    const byAuthor = new Map(authors.map((a) => [a, Object.fromEntries(claims.map((c) => [c.id, c.positions[a].stance]))]));
    const matrix = agreementMatrix(byAuthor);
    for (const a of authors) {
      for (const b of authors) {
        if (a === b) continue;
        const { summary } = compareAuthors(claims, [a, b]);
        const cell = matrix.get(a)!.get(b)!;
        expect({ n: summary.n, agree: summary.agree, disagree: summary.disagree, differ: summary.differ, share: summary.share }).toEqual(cell);
        expect(agreementLabel(summary)).toBe(agreementLabel(cell));
      }
    }
  });
});

describe("agreementLabel and percentOf", () => {
  it("shows the share as a whole percentage with n, and n = 0 as no shared claims (never 0 %)", () => {
    expect(percentOf(2 / 3)).toBe(67);
    expect(percentOf(0.125)).toBe(13);
    expect(agreementLabel({ n: 6, share: 4 / 6 })).toBe("67 % · n = 6");
    expect(agreementLabel({ n: 3, share: 0 })).toBe("0 % · n = 3");
    expect(agreementLabel({ n: 0, share: null })).toBe("no shared claims");
    expect(agreementLabel(agreementOf({ c1: "SUPPORTS" }, { c2: "SUPPORTS" }))).toBe("no shared claims");
  });
});

describe("describeComparison", () => {
  it("sums up a pair", () => {
    const { summary } = compareAuthors(
      [
        claim("c1", { k: "OPPOSES", n: "OPPOSES" }),
        claim("c2", { k: "SUPPORTS", n: "OPPOSES" }),
        claim("c3", { k: "SUPPORTS", n: "QUALIFIES" }),
        claim("c4", { k: "SILENT", n: "SUPPORTS" }),
        claim("c5", { k: "SILENT", n: "SILENT" }),
      ],
      ["k", "n"],
    );
    expect(describeComparison(["Katz", "Nurimbetov"], summary)).toBe(
      "Katz and Nurimbetov agree on 1 of 3 shared claims (33 %), disagree on 1 and differ on 1. Only one of them speaks on 1 claim; neither speaks on 1 claim.",
    );
  });

  it("sums up three authors, and says plainly when there are no shared claims", () => {
    const three = compareAuthors([claim("c1", { a: "SUPPORTS", b: "SUPPORTS", c: "SILENT" })], ["a", "b", "c"]).summary;
    expect(describeComparison(["A", "B", "C"], three)).toBe("A, B and C: all who speak agree on 1 of 1 claim on which at least two of them speak (100 %), disagree on 0 and differ on 0.");
    const apart = compareAuthors([claim("c1", { a: "SUPPORTS", b: "SILENT" })], ["a", "b"]).summary;
    expect(describeComparison(["A", "B"], apart)).toBe("A and B have no shared claims: they never both take a position on the same claim. Only one of them speaks on 1 claim.");
    expect(describeComparison(["A", "B"], apart)).not.toMatch(/0 %/);
  });
});
