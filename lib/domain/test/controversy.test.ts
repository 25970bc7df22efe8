import { describe, expect, it } from "vitest";
import { controversyOf, describeSplit } from "../controversy";

describe("controversyOf", () => {
  it("is 0 when nobody takes a side or all take the same one", () => {
    expect(controversyOf([])).toEqual({ supporting: 0, opposing: 0, mixed: 0, score: 0, split: false });
    expect(controversyOf(["SILENT", "QUALIFIES"])).toMatchObject({ score: 0, split: false });
    expect(controversyOf(["OPPOSES", "OPPOSES", "SILENT"])).toMatchObject({ score: 0, split: false });
  });

  it("is 1 for an even split and in between otherwise", () => {
    expect(controversyOf(["SUPPORTS", "OPPOSES"])).toMatchObject({ score: 1, split: true });
    expect(controversyOf(["SUPPORTS", "SUPPORTS", "SUPPORTS", "OPPOSES"])).toMatchObject({ supporting: 3, opposing: 1, score: 0.5, split: true });
  });

  it("counts a mixed author half on each side, without making a split by itself", () => {
    expect(controversyOf(["MIXED"])).toEqual({ supporting: 0.5, opposing: 0.5, mixed: 1, score: 1, split: false });
    expect(controversyOf(["SUPPORTS", "MIXED"])).toMatchObject({ supporting: 1.5, opposing: 0.5, score: 0.5, split: false });
  });
});

describe("describeSplit", () => {
  it("counts whole authors on each side and names mixed ones apart", () => {
    expect(describeSplit(controversyOf(["SUPPORTS", "SUPPORTS", "OPPOSES"]))).toEqual({ pro: 2, con: 1, mixed: 0, label: "Split 2–1" });
    expect(describeSplit(controversyOf(["SUPPORTS", "OPPOSES", "MIXED"]))).toEqual({ pro: 1, con: 1, mixed: 1, label: "Split 1–1 · 1 mixed" });
  });
});
