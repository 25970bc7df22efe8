import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mapOffsetsThroughEdit, placeNearby, reanchorExcerpts, type TExcerptToReanchor } from "../reanchor-excerpts";
import { describeRange, findOccurrences } from "../text-quote";
import { withinBudget } from "../../testing/fuzz-budget";

const corpusDir = path.join(process.cwd(), "prisma", "seed", "corpus");
const sourcesJson = JSON.parse(fs.readFileSync(path.join(corpusDir, "sources.json"), "utf8")) as { sources: { id: string; file: string }[] };
const texts = new Map(sourcesJson.sources.map((s) => [s.id, fs.readFileSync(path.join(corpusDir, s.file), "utf8")]));
const seed = JSON.parse(fs.readFileSync(path.join(process.cwd(), "prisma", "seed", "sco-debate.json"), "utf8")) as { evidence: { source: string; exact: string }[] };

/** The seeded passages of one source as stored excerpts, in text order. */
function excerptsOf(source: string): { text: string; excerpts: TExcerptToReanchor[] } {
  const text = texts.get(source)!;
  const quotes = [...new Set(seed.evidence.filter((e) => e.source === source).map((e) => e.exact))];
  const excerpts = quotes
    .map((exact, i) => {
      const start = findOccurrences(text, exact)[0];
      return { id: `e${i}`, ...describeRange(text, start, start + exact.length) };
    })
    .sort((a, b) => a.start - b.start);
  return { text, excerpts };
}

describe("reanchorExcerpts on a revised corpus text", () => {
  const { text, excerpts } = excerptsOf("nurimbetov-2021");

  it("keeps every excerpt when nothing changed", () => {
    const { report } = reanchorExcerpts(text, text, excerpts);
    expect(report).toEqual({ unchanged: excerpts.length, moved: 0, fuzzy: [], orphaned: [] });
  });

  it("moves every excerpt verbatim when a paragraph is inserted before everything", () => {
    const inserted = "Editor’s note: this article was first published in 2021.\n\n";
    const revised = inserted + text;
    const { placements, report } = reanchorExcerpts(text, revised, excerpts);
    expect(report).toEqual({ unchanged: 0, moved: excerpts.length, fuzzy: [], orphaned: [] });
    for (const [i, p] of placements.entries()) {
      expect(p).toMatchObject({ status: "moved", selector: { start: excerpts[i].start + inserted.length, exact: excerpts[i].exact } });
    }
  });

  it("places a changed quote approximately, orphans a deleted one, and moves the rest", () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(4);
    const changed = excerpts[1];
    const deleted = excerpts[excerpts.length - 2];
    const word = /\p{L}{5,}/u.exec(changed.exact.slice(20))!;
    const wordAt = changed.start + 20 + word.index;
    // One word changed inside the second quote; the paragraph of the next-to-last quote removed.
    const paragraphStart = text.lastIndexOf("\n", deleted.start) + 1;
    const paragraphEnd = text.indexOf("\n", deleted.end);
    expect(excerpts.filter((e) => e !== deleted && e.end > paragraphStart && e.start < paragraphEnd)).toEqual([]);
    const revised = `${text.slice(0, wordAt)}different${text.slice(wordAt + word[0].length, paragraphStart)}${text.slice(paragraphEnd + 1)}`;
    const { placements, report } = reanchorExcerpts(text, revised, excerpts);
    expect(report.orphaned.map((o) => o.excerptId)).toEqual([deleted.id]);
    expect(report.fuzzy).toEqual([{ excerptId: changed.id, score: expect.any(Number), method: "fuzzy" }]);
    expect(report.fuzzy[0].score).toBeGreaterThan(0.9);
    expect(report.unchanged).toBe(1);
    expect(report.moved).toBe(excerpts.length - 3);
    for (const p of placements) {
      if (p.status === "orphaned") continue;
      expect(p.selector.exact).toBe(revised.slice(p.selector.start, p.selector.end));
      const excerpt = excerpts.find((e) => e.id === p.excerptId)!;
      if (p.status !== "fuzzy") expect(p.selector.exact).toBe(excerpt.exact);
    }
    const fuzzy = placements.find((p) => p.excerptId === changed.id)!;
    expect(fuzzy.status === "fuzzy" && fuzzy.selector.start).toBe(changed.start);
  });

  it("tells repeated quotes apart by where the edit carried them", () => {
    const passage = "The SCO is not an alliance, and it was never meant to be one. ";
    const old = `${passage}Some words between the two.\n${passage}More words after.`;
    const second = old.lastIndexOf(passage);
    const excerpt = { id: "x", ...describeRange(old, second, second + passage.length - 1), prefix: "", suffix: "" };
    const revised = `A new opening line.\n${old}`;
    const { placements } = reanchorExcerpts(old, revised, [excerpt]);
    expect(placements[0]).toMatchObject({ status: "moved", selector: { start: second + "A new opening line.\n".length } });
  });

  it("places without a search of the whole text what stayed near where the edit carried it, and leaves the rest", () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(3);
    const changed = excerpts[1];
    const word = /\p{L}{5,}/u.exec(changed.exact.slice(20))!;
    const wordAt = changed.start + 20 + word.index;
    const inserted = "A new first paragraph.\n\n";
    const revised = `${inserted}${text.slice(0, wordAt)}different${text.slice(wordAt + word[0].length)}`;
    const { placed, rest } = placeNearby(revised, excerpts, mapOffsetsThroughEdit(text, revised));
    // The changed quote needs the approximate search; every other is found verbatim nearby, at the same place as the full search puts it.
    expect(rest.map((e) => e.id)).toEqual([changed.id]);
    const full = new Map(reanchorExcerpts(text, revised, excerpts).placements.map((p) => [p.excerptId, p]));
    expect(placed).toHaveLength(excerpts.length - 1);
    for (const p of placed) expect(p).toEqual(full.get(p.excerptId));
    expect(placed.every((p) => p.status === "moved")).toBe(true);
  });

  it("carries offsets through an edit by the texts' common beginning and end", () => {
    const carry = mapOffsetsThroughEdit("abcXYZdef", "abcQdef");
    expect([carry(0), carry(3), carry(6), carry(9)]).toEqual([0, 3, 4, 7]);
  });

  it("re-anchors a hundred excerpts of a long revised text within its budget", () => {
    const long = [...texts.values()].join("\n\n").repeat(3);
    const many = Array.from({ length: 100 }, (_, i) => {
      const start = Math.floor((i * (long.length - 300)) / 100);
      return { id: `e${i}`, ...describeRange(long, start, start + 150) };
    });
    const revised = long.replace(/ the /g, " the\n");
    const { report } = withinBudget(long.length, () => reanchorExcerpts(long, revised, many));
    expect(report.orphaned.length).toBe(0);
    expect(report.unchanged + report.moved + report.fuzzy.length).toBe(100);
  });
});
