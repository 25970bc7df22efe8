import { describe, expect, it } from "vitest";
import { assignLanes, axisOf, buildTimeline, placeOnAxis, placeOnTimeline, spanOf } from "../timeline";

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

describe("axisOf", () => {
  it("spans whole years from the earliest source to the latest, with a tick per year", () => {
    const axis = axisOf(["2008", "2021-04-29", "2022-09", "2022-12-22", "2024-07"].map(spanOf))!;
    expect(axis.from).toBe("2008-01-01");
    expect(axis.to).toBe("2025-01-01");
    expect(axis.ticks.map((t) => t.year)).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(axis.ticks[0].at).toBe(0);
    expect(axis.ticks.every((t, i) => i === 0 || t.at > axis.ticks[i - 1].at)).toBe(true);
    expect(axis.ticks.at(-1)!.at).toBeLessThan(1);
  });

  it("keeps one year as a whole axis, and thins ticks on a long span", () => {
    expect(axisOf([spanOf("2022-03")])).toMatchObject({ from: "2022-01-01", to: "2023-01-01", ticks: [{ year: 2022, at: 0 }] });
    const long = axisOf([spanOf("1951"), spanOf("2024")])!;
    expect(long.ticks.length).toBeLessThanOrEqual(21);
    expect(long.ticks[0]).toEqual({ year: 1951, at: 0 });
    expect(long.ticks.slice(1).every((t) => t.year % 5 === 0)).toBe(true);
  });

  it("is null with nothing to place", () => {
    expect(axisOf([])).toBeNull();
  });
});

describe("placeOnAxis", () => {
  const axis = { from: "2020-01-01", to: "2022-01-01" }; // 731 days (2020 is a leap year)

  it("covers a year, a month or a day as far as the date is known", () => {
    const year = placeOnAxis(spanOf("2020"), axis);
    expect(year.start).toBe(0);
    expect(year.end).toBeCloseTo(366 / 731, 10);
    const month = placeOnAxis(spanOf("2021-02"), axis);
    expect(month.start).toBeCloseTo((366 + 31) / 731, 10);
    expect(month.end).toBeCloseTo((366 + 31 + 28) / 731, 10);
    const day = placeOnAxis(spanOf("2021-12-31"), axis);
    expect(day.end).toBe(1);
    expect(day.end - day.start).toBeCloseTo(1 / 731, 10);
  });

  it("clamps what lies outside the axis", () => {
    expect(placeOnAxis(spanOf("2019"), axis)).toEqual({ start: 0, end: 0 });
    expect(placeOnAxis(spanOf("2023-05-05"), axis)).toEqual({ start: 1, end: 1 });
  });
});

describe("assignLanes", () => {
  it("puts labels that would overlap into the next free lane", () => {
    expect(assignLanes([{ start: 0, end: 0.1 }, { start: 0.5, end: 0.6 }, { start: 0.55, end: 0.65 }, { start: 0.58, end: 0.7 }, { start: 0.8, end: 0.9 }])).toEqual([0, 0, 1, 2, 0]);
  });

  it("keeps a gap between neighbours in one lane", () => {
    expect(assignLanes([{ start: 0, end: 0.2 }, { start: 0.21, end: 0.3 }], 0.05)).toEqual([0, 1]);
    expect(assignLanes([{ start: 0, end: 0.2 }, { start: 0.25, end: 0.3 }], 0.05)).toEqual([0, 0]);
    expect(assignLanes([])).toEqual([]);
  });
});

describe("buildTimeline", () => {
  const sources = [
    { id: "s-diplomat", authorId: "diplomat", published: "2024-07" },
    { id: "s-katz", authorId: "katz", published: "2008" },
    { id: "s-nur", authorId: "nur", published: "2021-04-29" },
    { id: "s-nur-2", authorId: "nur", published: "2023" },
  ];
  const ev = (sourceId: string, stance: "SUPPORTS" | "OPPOSES" | "QUALIFIES", voice: "AUTHOR" | "REPORTED", excerptId: string, start: number, count = 1) => ({ claimId: "c1", sourceId, stance, voice, count, excerptId, start });

  it("marks every source at its date with the stance of its own words; REPORTED views do not count", () => {
    const [row] = buildTimeline({
      sources,
      claimIds: ["c1"],
      evidence: [
        ev("s-nur", "SUPPORTS", "REPORTED", "x-reported", 10),
        ev("s-nur", "OPPOSES", "AUTHOR", "x-own", 500, 2),
        ev("s-katz", "QUALIFIES", "AUTHOR", "x-katz", 3),
        ev("s-nur-2", "SUPPORTS", "AUTHOR", "x-later", 7),
        ev("s-diplomat", "SUPPORTS", "REPORTED", "x-diplomat", 1),
      ],
    });
    expect(row.claimId).toBe("c1");
    expect(row.marks.map((m) => [m.sourceId, m.stance, m.precision, m.evidenceCount, m.excerptId])).toEqual([
      ["s-katz", "QUALIFIES", "YEAR", 1, "x-katz"],
      ["s-nur", "OPPOSES", "DAY", 3, "x-own"],
      ["s-nur-2", "SUPPORTS", "YEAR", 1, "x-later"],
      // Only a reported view: silent, but its quote can still be read.
      ["s-diplomat", "SILENT", "MONTH", 1, "x-diplomat"],
    ]);
  });

  it("derives MIXED per source, links the earliest own passage, and gives silent sources no passage", () => {
    const [row] = buildTimeline({
      sources,
      claimIds: ["c1"],
      evidence: [ev("s-katz", "OPPOSES", "AUTHOR", "x-late", 90), ev("s-katz", "SUPPORTS", "AUTHOR", "x-early", 20)],
    });
    expect(row.marks[0]).toMatchObject({ sourceId: "s-katz", stance: "MIXED", excerptId: "x-early" });
    expect(row.marks.filter((m) => m.sourceId !== "s-katz").every((m) => m.stance === "SILENT" && m.excerptId === null && m.evidenceCount === 0)).toBe(true);
  });

  it("links a quote in the source's stance before an earlier one that only qualifies", () => {
    const [row] = buildTimeline({ sources, claimIds: ["c1"], evidence: [ev("s-katz", "QUALIFIES", "AUTHOR", "x-q", 1), ev("s-katz", "SUPPORTS", "AUTHOR", "x-s", 50)] });
    expect(row.marks[0]).toMatchObject({ stance: "SUPPORTS", excerptId: "x-s" });
  });

  it("gives one row per claim, in the order asked, even with no sources", () => {
    expect(buildTimeline({ sources: [], claimIds: ["c2", "c1"], evidence: [] })).toEqual([
      { claimId: "c2", marks: [] },
      { claimId: "c1", marks: [] },
    ]);
  });
});
