import { describe, expect, it } from "vitest";
import { placeOnTimeline, spanOf } from "../timeline";

describe("spanOf", () => {
  it("keeps the precision the date has", () => {
    expect(spanOf("2008")).toEqual({ precision: "YEAR", from: "2008-01-01", to: "2008-12-31" });
    expect(spanOf("2024-02")).toEqual({ precision: "MONTH", from: "2024-02-01", to: "2024-02-29" });
    expect(spanOf("2022-12-22")).toEqual({ precision: "DAY", from: "2022-12-22", to: "2022-12-22" });
  });
});

describe("placeOnTimeline", () => {
  it("orders the demo's authors by date: Katz 2008 → Nurimbetov 2021 → ECFR, Harding 2022 → The Diplomat 2024", () => {
    const placed = placeOnTimeline([
      { authorId: "diplomat", stance: "OPPOSES", published: "2024-07" },
      { authorId: "harding", stance: "OPPOSES", published: "2022-12-22" },
      { authorId: "katz", stance: "SILENT", published: "2008" },
      { authorId: "ecfr", stance: "OPPOSES", published: "2022-09" },
      { authorId: "nurimbetov", stance: "OPPOSES", published: "2021-04-29" },
    ]);
    expect(placed.map((p) => p.authorId)).toEqual(["katz", "nurimbetov", "ecfr", "harding", "diplomat"]);
    expect(placed[0]).toMatchObject({ precision: "YEAR", from: "2008-01-01", to: "2008-12-31" });
  });

  it("places dates by the start of their span, the more precise first when spans start together", () => {
    const placed = placeOnTimeline([
      { authorId: "b", stance: "SUPPORTS", published: "2022-01-01" },
      { authorId: "a", stance: "SUPPORTS", published: "2022" },
      { authorId: "c", stance: "SUPPORTS", published: "2022-01" },
    ]);
    expect(placed.map((p) => `${p.authorId}:${p.precision}`)).toEqual(["b:DAY", "c:MONTH", "a:YEAR"]);
  });
});
