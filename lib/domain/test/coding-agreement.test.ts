import { describe, expect, it } from "vitest";
import { cohenKappa, confusionTable, disputeOf, krippendorffAlphaNominal, majorityOf, summariseRound, type TCoder } from "../coding-agreement";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, values 1–5, with missing values. Nominal alpha = 0.743.
const _ = null;
const KRIPPENDORFF_OBSERVERS = [
  ["1", "2", "3", "3", "2", "1", "4", "1", "2", _, _, _],
  ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", _, "3"],
  [_, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", _],
  ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", _],
];
const byUnit = (observers: (string | null)[][]) => observers[0].map((_v, u) => observers.map((o) => o[u]));

describe("krippendorffAlphaNominal", () => {
  it("gives Krippendorff's own worked example with missing values: 0.743", () => {
    expect(krippendorffAlphaNominal(byUnit(KRIPPENDORFF_OBSERVERS))!.toFixed(3)).toBe("0.743");
  });

  it("leaves out a unit with a single value (unit 12 of the example changes nothing)", () => {
    const withoutUnit12 = KRIPPENDORFF_OBSERVERS.map((o) => o.slice(0, 11));
    expect(krippendorffAlphaNominal(byUnit(withoutUnit12))).toBeCloseTo(krippendorffAlphaNominal(byUnit(KRIPPENDORFF_OBSERVERS))!, 12);
  });

  it("is 1 when all coders agree on everything, even on a single value", () => {
    expect(krippendorffAlphaNominal([["a", "a", "a"], ["b", "b", null]])).toBe(1);
    expect(krippendorffAlphaNominal([["a", "a"], ["a", "a"]])).toBe(1);
  });

  it("is null with a single coder or no pairable unit", () => {
    expect(krippendorffAlphaNominal([["a"], ["b"], ["a"]])).toBeNull();
    expect(krippendorffAlphaNominal([["a", null], [null, "b"]])).toBeNull();
    expect(krippendorffAlphaNominal([])).toBeNull();
  });

  it("is negative when coders disagree more than chance would", () => {
    expect(krippendorffAlphaNominal([["a", "b"], ["b", "a"]])!).toBeLessThan(0);
  });
});

describe("cohenKappa", () => {
  it("gives the textbook example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → 0.400", () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ["yes", "yes"] as [string, string]),
      ...Array.from({ length: 5 }, () => ["yes", "no"] as [string, string]),
      ...Array.from({ length: 10 }, () => ["no", "yes"] as [string, string]),
      ...Array.from({ length: 15 }, () => ["no", "no"] as [string, string]),
    ];
    expect(cohenKappa(pairs)!.toFixed(3)).toBe("0.400");
  });

  it("gives the second textbook example (45/15/25/15 → 0.130)", () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 45 }, () => ["yes", "yes"] as [string, string]),
      ...Array.from({ length: 15 }, () => ["yes", "no"] as [string, string]),
      ...Array.from({ length: 25 }, () => ["no", "yes"] as [string, string]),
      ...Array.from({ length: 15 }, () => ["no", "no"] as [string, string]),
    ];
    expect(cohenKappa(pairs)!.toFixed(3)).toBe("0.130");
  });

  it("is 1 for perfect agreement, also on a single category; null without items", () => {
    expect(cohenKappa([["a", "a"], ["b", "b"]])).toBe(1);
    expect(cohenKappa([["a", "a"], ["a", "a"]])).toBe(1);
    expect(cohenKappa([])).toBeNull();
  });
});

describe("majorityOf", () => {
  it("finds the most given answer and none on a tie or without answers", () => {
    expect(majorityOf(["SUPPORTS", "SUPPORTS", "OPPOSES"])).toBe("SUPPORTS");
    expect(majorityOf(["SUPPORTS", "OPPOSES"])).toBeNull();
    expect(majorityOf([])).toBeNull();
  });
});

describe("summariseRound", () => {
  const coders: TCoder[] = [
    { pseudonym: "P1", answers: [{ item: 0, stance: "SUPPORTS", voice: null }, { item: 1, stance: "OPPOSES", voice: null }, { item: 2, stance: "QUALIFIES", voice: null }] },
    { pseudonym: "P2", answers: [{ item: 0, stance: "SUPPORTS", voice: null }, { item: 1, stance: "OPPOSES", voice: null }, { item: 2, stance: "NOT_RELEVANT", voice: null }] },
    { pseudonym: "P3", answers: [{ item: 0, stance: "OPPOSES", voice: null }, { item: 1, stance: "OPPOSES", voice: null }] },
  ];
  const keys = ["SUPPORTS", "OPPOSES", null] as const;

  it("gives the agreement answer's shape: distribution and key per item, scores per participant", () => {
    const result = summariseRound([...keys], coders);
    expect(result.coders).toBe(3);
    expect(result.items[0]).toEqual({ item: 0, answers: { SUPPORTS: 2, OPPOSES: 1, QUALIFIES: 0, NOT_RELEVANT: 0 }, key: "SUPPORTS" });
    expect(result.items[2].key).toBeNull();
    expect(result.participants.map((p) => p.answered)).toEqual([3, 3, 2]);
    expect(result.participants[0].kappaWithKey).toBe(1);
    // P3 missed item 0's key and matched item 1's: po = 1/2, pe = 1/2 → 0.
    expect(result.participants[2].kappaWithKey).toBe(0);
    // Item 2 ties (one each): only items 0 and 1 have a majority.
    expect(result.participants[2].agreementWithMajority).toBe(0.5);
    expect(result.participants[0].agreementWithMajority).toBe(1);
    expect(result.alpha).toBeCloseTo(krippendorffAlphaNominal([["SUPPORTS", "SUPPORTS", "OPPOSES"], ["OPPOSES", "OPPOSES", "OPPOSES"], ["QUALIFIES", "NOT_RELEVANT", null]])!, 12);
  });

  it("with one coder: alpha null, the coder's own scores still defined", () => {
    const result = summariseRound([...keys], coders.slice(0, 1));
    expect(result.alpha).toBeNull();
    expect(result.participants[0]).toEqual({ pseudonym: "P1", answered: 3, kappaWithKey: 1, agreementWithMajority: 1 });
  });

  it("with nobody: alpha null, empty distributions", () => {
    const result = summariseRound([...keys], []);
    expect(result).toMatchObject({ alpha: null, coders: 0, participants: [] });
    expect(result.items[1].answers.OPPOSES).toBe(0);
  });

  it("counts the confusion table of key × answer over items with a key", () => {
    const table = confusionTable([...keys], coders);
    expect(table.SUPPORTS).toEqual({ SUPPORTS: 2, OPPOSES: 1, QUALIFIES: 0, NOT_RELEVANT: 0 });
    expect(table.OPPOSES.OPPOSES).toBe(3);
    expect(table.QUALIFIES).toEqual({ SUPPORTS: 0, OPPOSES: 0, QUALIFIES: 0, NOT_RELEVANT: 0 });
  });

  it("measures dispute as one minus the largest share", () => {
    expect(disputeOf({ SUPPORTS: 2, OPPOSES: 1, QUALIFIES: 0, NOT_RELEVANT: 1 })).toBe(0.5);
    expect(disputeOf({ SUPPORTS: 0, OPPOSES: 0, QUALIFIES: 0, NOT_RELEVANT: 0 })).toBe(0);
  });
});
