import { describe, expect, it } from "vitest";
import { formatPublished, labelPublished, parsePublished } from "../dates";

describe("parsePublished", () => {
  it("keeps the precision it was given", () => {
    expect(parsePublished("2008")).toEqual({ date: new Date("2008-01-01T00:00:00Z"), precision: "YEAR" });
    expect(parsePublished("2022-09")).toEqual({ date: new Date("2022-09-01T00:00:00Z"), precision: "MONTH" });
    expect(parsePublished("2021-04-29")).toEqual({ date: new Date("2021-04-29T00:00:00Z"), precision: "DAY" });
  });

  it("rejects malformed and impossible dates", () => {
    for (const bad of ["", "22", "2022-13", "2022-9", "2023-02-30", "2022-09-01T00:00", "yesterday"]) {
      expect(parsePublished(bad), bad).toBeNull();
    }
  });
});

describe("formatPublished / labelPublished", () => {
  it("round-trips through parse without inventing precision", () => {
    for (const value of ["2008", "2022-09", "2022-12-22"]) {
      const parsed = parsePublished(value)!;
      expect(formatPublished(parsed.date, parsed.precision)).toBe(value);
    }
  });

  it("labels dates for people", () => {
    expect(labelPublished("2008")).toBe("2008");
    expect(labelPublished("2022-09")).toBe("Sep 2022");
    expect(labelPublished("2022-12-22")).toBe("22 Dec 2022");
  });
});
