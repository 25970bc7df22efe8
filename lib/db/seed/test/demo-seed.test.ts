import { describe, expect, it } from "vitest";
import { derivePosition } from "../../../domain/position";
import { loadDemoDefinition } from "../demo";
import { anchorDefinition } from "../seed-workspace";

const demo = loadDemoDefinition();
const anchored = anchorDefinition(demo);
const texts = new Map(demo.sources.map((s) => [s.key, s.text]));
const authorOf = new Map(demo.sources.map((s) => [s.key, s.author.name]));

describe("the demo seed", () => {
  it("carries the five corpus articles byte-for-byte", () => {
    expect(demo.sources.map((s) => s.key).sort()).toEqual(["diplomat-2024", "ecfr-2022", "harding-2022", "katz-2008", "nurimbetov-2021"]);
    for (const source of demo.sources) expect(source.text.length).toBeGreaterThan(5000);
  });

  it("anchors every excerpt verbatim: exact = text.slice(start, end), prefix and suffix match", () => {
    expect(anchored.length).toBeGreaterThanOrEqual(40);
    for (const item of anchored) {
      const text = texts.get(item.source)!;
      const { start, end, exact, prefix, suffix } = item.selector;
      expect(exact).toBe(item.exact);
      expect(text.slice(start, end)).toBe(exact);
      expect(text.slice(start - prefix.length, start)).toBe(prefix);
      expect(text.slice(end, end + suffix.length)).toBe(suffix);
      expect(prefix.length === 32 || start - prefix.length === 0).toBe(true);
    }
  });

  it("has at least 10 claims, both voices and all three stances", () => {
    expect(demo.claims.length).toBeGreaterThanOrEqual(10);
    expect(new Set(demo.evidence.map((e) => e.voice))).toEqual(new Set(["AUTHOR", "REPORTED"]));
    expect(new Set(demo.evidence.map((e) => e.stance))).toEqual(new Set(["SUPPORTS", "OPPOSES", "QUALIFIES"]));
  });

  const positions = new Map<string, Map<string, ReturnType<typeof derivePosition>>>();
  for (const claim of demo.claims) {
    const byAuthor = new Map<string, ReturnType<typeof derivePosition>>();
    for (const author of new Set(authorOf.values())) {
      byAuthor.set(author, derivePosition(demo.evidence.filter((e) => e.claim === claim.key && authorOf.get(e.source) === author)));
    }
    positions.set(claim.key, byAuthor);
  }

  it("gives every author a position on at least five claims", () => {
    for (const author of new Set(authorOf.values())) {
      const taken = [...positions.values()].filter((byAuthor) => byAuthor.get(author) !== "SILENT").length;
      expect(taken, author).toBeGreaterThanOrEqual(5);
    }
  });

  it("has claims on which the authors split", () => {
    const split = [...positions.values()].filter((byAuthor) => {
      const stances = new Set(byAuthor.values());
      return stances.has("SUPPORTS") && stances.has("OPPOSES");
    });
    expect(split.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps Nurimbetov's report of the anti-NATO view from counting as his position", () => {
    const nurimbetov = authorOf.get("nurimbetov-2021")!;
    const reportedSupport = demo.evidence.find((e) => e.source === "nurimbetov-2021" && e.claim === "anti-nato-bloc" && e.voice === "REPORTED" && e.stance === "SUPPORTS");
    expect(reportedSupport).toBeDefined();
    expect(positions.get("anti-nato-bloc")!.get(nurimbetov)).toBe("OPPOSES");
  });

  it("links only claims that exist", () => {
    const keys = new Set(demo.claims.map((c) => c.key));
    for (const link of demo.links ?? []) {
      expect(keys.has(link.from) && keys.has(link.to)).toBe(true);
    }
  });
});
