import { describe, expect, it } from "vitest";
import { agreementMatrix, agreementOf, relate } from "../agreement";
import type { TPositionStance } from "../types";

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
