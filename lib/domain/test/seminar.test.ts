import { describe, expect, it } from "vitest";
import { describeTally, isLockedOut, shortQuote, stepClaim, tallyFromCounts, tallyOf, tallyPercentages, withDiscussed } from "../seminar";

describe("tallies", () => {
  it("counts one choice per person and totals them", () => {
    expect(tallyOf(["AGREE", "AGREE", "DISAGREE"])).toEqual({ AGREE: 2, DISAGREE: 1, UNSURE: 0, total: 3 });
    expect(tallyOf([])).toEqual({ AGREE: 0, DISAGREE: 0, UNSURE: 0, total: 0 });
    expect(tallyFromCounts([{ choice: "UNSURE", count: 4 }, { choice: "AGREE", count: 1 }])).toEqual({ AGREE: 1, DISAGREE: 0, UNSURE: 4, total: 5 });
  });

  it("gives whole-number shares that add up to 100", () => {
    expect(tallyPercentages(tallyOf(["AGREE", "DISAGREE", "UNSURE"]))).toEqual({ AGREE: 34, DISAGREE: 33, UNSURE: 33 });
    expect(tallyPercentages(tallyOf(["AGREE", "AGREE", "DISAGREE"]))).toEqual({ AGREE: 67, DISAGREE: 33, UNSURE: 0 });
    expect(tallyPercentages(tallyOf([]))).toEqual({ AGREE: 0, DISAGREE: 0, UNSURE: 0 });
    const shares = tallyPercentages(tallyFromCounts([{ choice: "AGREE", count: 1 }, { choice: "DISAGREE", count: 1 }, { choice: "UNSURE", count: 5 }]));
    expect(shares.AGREE + shares.DISAGREE + shares.UNSURE).toBe(100);
  });

  it("describes a tally in words", () => {
    expect(describeTally(tallyOf(["AGREE", "AGREE", "DISAGREE"]))).toBe("2 agree · 1 disagree · 0 unsure");
    expect(describeTally(tallyOf([]))).toBe("no votes yet");
  });
});

describe("stepping through claims", () => {
  const order = ["a", "b", "c"];
  it("moves to the next and previous claim, starting at an end when nothing is spotlighted", () => {
    expect(stepClaim(order, "a", 1)).toBe("b");
    expect(stepClaim(order, "b", -1)).toBe("a");
    expect(stepClaim(order, null, 1)).toBe("a");
    expect(stepClaim(order, null, -1)).toBe("c");
    expect(stepClaim(order, "gone", 1)).toBe("a");
  });
  it("stops at either end and on an empty map", () => {
    expect(stepClaim(order, "c", 1)).toBeNull();
    expect(stepClaim(order, "a", -1)).toBeNull();
    expect(stepClaim([], null, 1)).toBeNull();
  });
  it("remembers each claim discussed once, in order", () => {
    expect(withDiscussed(["a"], "b")).toEqual(["a", "b"]);
    expect(withDiscussed(["a", "b"], "a")).toEqual(["a", "b"]);
    expect(withDiscussed(["a"], null)).toEqual(["a"]);
  });
});

describe("the editing lock", () => {
  it("keeps everyone but the facilitator out while locked", () => {
    expect(isLockedOut({ locked: true, facilitatorId: "f" }, "p")).toBe(true);
    expect(isLockedOut({ locked: true, facilitatorId: "f" }, "f")).toBe(false);
    expect(isLockedOut({ locked: false, facilitatorId: "f" }, "p")).toBe(false);
    expect(isLockedOut(null, "p")).toBe(false);
  });
});

describe("short quotes", () => {
  it("keeps short quotes, flattens whitespace and cuts long ones at a word", () => {
    expect(shortQuote("a  short\nquote")).toBe("a short quote");
    const long = "word ".repeat(60);
    const cut = shortQuote(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith("word…")).toBe(true);
  });
});
