/**
 * The search index in the database (migration 20261126100000_search): the trigger that splits
 * every source's text into passages, the offsets it records, and the text normalization that the
 * database and lib/domain/search.ts must agree on.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client";
import { SEARCH_TEXT_FROM, normalizeSearchText } from "../../../domain/search";

interface TRawPassage {
  passage_start: number;
  passage_end: number;
  passage_text: string;
}

interface TPassageRow {
  start: number;
  end: number;
  text: string;
}

const passagesOf = (sourceId: string) =>
  db().passage.findMany({ where: { sourceId }, orderBy: { start: "asc" }, select: { start: true, end: true, text: true } });

const split = async (body: string): Promise<TPassageRow[]> => {
  const rows = await db().$queryRaw<{ passage_start: number; passage_end: number; passage_text: string }[]>`select * from stancemap_split_passages(${body})`;
  return rows.map((r) => ({ start: r.passage_start, end: r.passage_end, text: r.passage_text }));
};

/** Passages in order, apart, each its exact slice of the text, together holding every visible character. */
function expectTiling(text: string, passages: TPassageRow[]) {
  let previousEnd = 0;
  let covered = "";
  for (const p of passages) {
    expect(p.start).toBeGreaterThanOrEqual(previousEnd);
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(p.text).toBe(p.text.trim());
    covered += text.slice(previousEnd, p.start);
    previousEnd = p.end;
  }
  covered += text.slice(previousEnd);
  // What lies between passages is only whitespace.
  expect(covered.trim()).toBe("");
}

/** A workspace and author of this test's own, so the demo's sources stay as seeded. */
async function labAuthor() {
  const workspace = await db().workspace.create({ data: { slug: `passages-${randomUUID().slice(0, 8)}`, title: "Passages lab", visibility: "PRIVATE" } });
  const author = await db().author.create({ data: { workspaceId: workspace.id, name: "Lab Author", shortName: "Lab" } });
  return { workspaceId: workspace.id, authorId: author.id };
}

describe("passages of the demo's sources", () => {
  it("cover each text exactly, in paragraphs or runs of sentences of at most 700 characters", async () => {
    const sources = await db().source.findMany({ where: { workspace: { slug: "sco-debate" } }, select: { id: true, text: true, title: true } });
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      const passages = await passagesOf(source.id);
      expect(passages.length, source.title).toBeGreaterThan(0);
      expectTiling(source.text, passages);
      for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(700);
    }
  });
});

describe("stancemap_split_passages", () => {
  it("keeps short paragraphs whole and splits at blank lines, even ones holding spaces", async () => {
    const text = "\n  First paragraph, one line.\nSame paragraph.\n \t\n\nSecond\u00a0one.  \n";
    const passages = await split(text);
    expect(passages.map((p) => p.text)).toEqual(["First paragraph, one line.\nSame paragraph.", "Second\u00a0one."]);
    expectTiling(text, passages);
  });

  it("cuts a long paragraph between sentences, keeping their closing marks", async () => {
    const sentence = (n: number) => `Sentence ${n} ${"word ".repeat(40).trim()} ends here${n % 2 ? "." : "?”"}`;
    const text = Array.from({ length: 6 }, (_, i) => sentence(i + 1)).join(" ");
    expect(text.length).toBeGreaterThan(1000);
    const passages = await split(text);
    expect(passages.length).toBeGreaterThan(1);
    expectTiling(text, passages);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(700);
      expect(p.text).toMatch(/^Sentence \d/);
      expect(p.text).toMatch(/(\.|\?”)$/);
    }
  });

  it("cuts one sentence longer than a passage between words", async () => {
    const text = `${"averyverylongword ".repeat(100).trim()}.`;
    const passages = await split(text);
    expectTiling(text, passages);
    expect(passages.length).toBeGreaterThanOrEqual(Math.ceil(text.length / 700));
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(700);
      expect(p.text.startsWith("averyverylongword")).toBe(true);
    }
  });

  it("counts offsets in UTF-16 code units, as the browser and the API do", async () => {
    const text = "Emoji 😀 first.\n\nThen 👍🏽 more, and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 too.\n\nLast.";
    const passages = await split(text);
    expect(passages.map((p) => text.slice(p.start, p.end))).toEqual(["Emoji 😀 first.", "Then 👍🏽 more, and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 too.", "Last."]);
    expectTiling(text, passages);
  });

  it("shifts the offsets of many passages after emoji in linear time (was over a minute for 700,000 short paragraphs)", async () => {
    const many = `😀 start.\n\n${"a 🌍 b.\n\n".repeat(100_000)}end 👍🏽.`;
    const started = performance.now();
    const passages = await split(many);
    const seconds = (performance.now() - started) / 1000;
    expect(passages).toHaveLength(100_002);
    expectTiling(many, passages);
    // Linear: about a second here; reading the text from its start per passage took minutes.
    expect(seconds).toBeLessThan(15);
  });

  it("cuts one paragraph of a megabyte in linear time, with or without sentence ends and spaces (was 15 s to over a minute)", async () => {
    const shapes = {
      "words, no sentence end": "wörd ".repeat(200_000),
      "one word": "é".repeat(1_000_000),
      "short sentences": "Ça va. ".repeat(150_000),
      "a long run of spaces": `début${" ".repeat(500_000)}fin ${"mot ".repeat(100_000)}`,
    };
    for (const [shape, text] of Object.entries(shapes)) {
      const started = performance.now();
      const passages = await split(text);
      const seconds = (performance.now() - started) / 1000;
      expectTiling(text, passages);
      for (const p of passages) expect(p.end - p.start, shape).toBeLessThanOrEqual(700);
      // Linear: about a second here; cutting at growing offsets took from 15 s to over a minute.
      expect(seconds, shape).toBeLessThan(10);
    }
  }, 600_000);

  it("gives the same passages as the previous way of cutting long paragraphs, where no cut falls in a run of spaces", async () => {
    const previous = readFileSync(path.join(process.cwd(), "prisma/migrations/20261207180000_linear_passage_offsets/migration.sql"), "utf8");
    const sentence = (i: number) => `Sentence ${i} — «${"mot ".repeat(i % 13)}» 😀${i % 4 === 0 ? "?”" : "."}`;
    const bodies = [
      ...(await db().source.findMany({ where: { workspace: { slug: "sco-debate" } }, select: { text: true } })).map((s) => s.text),
      Array.from({ length: 300 }, (_, i) => `${sentence(i)}${i % 5 === 0 ? "  " : " "}`).join(""),
      `${"x".repeat(2_500)} ${"y ".repeat(800)}\n\n${"z\u00a0".repeat(900)}`,
      `${"a".repeat(650)} ${"b ".repeat(600)}c.`,
    ];
    // A temporary function lives on one connection: compare inside one transaction.
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe(previous.replace('FUNCTION "stancemap_split_passages"', 'FUNCTION pg_temp."previous_split_passages"'));
      for (const body of bodies) {
        const before = await tx.$queryRaw<TRawPassage[]>`select * from pg_temp.previous_split_passages(${body})`;
        const after = await tx.$queryRaw<TRawPassage[]>`select * from stancemap_split_passages(${body})`;
        expect(after.length).toBeGreaterThan(0);
        expect(after).toEqual(before);
      }
    }, { timeout: 60_000 });
  });

  it("keeps every passage the exact slice of its text with emoji in long paragraphs cut between sentences and words", async () => {
    const sentence = (i: number) => `Sentence ${i} says 😀 ${"word ".repeat(i % 7)}and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢${i % 3 === 0 ? "!" : "."}`;
    const paragraph = Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ");
    const text = `${paragraph}\n\n${"x😀".repeat(500)}\n\n${paragraph}`;
    expectTiling(text, await split(text));
  });
});

describe("the Source_passages trigger", () => {
  it("writes passages and words for a new source and rewrites them when its text changes", async () => {
    const { workspaceId, authorId } = await labAuthor();
    const id = randomUUID();
    const first = "The thornwallow accord was signed.\n\nIt changed little.";
    await db().source.create({ data: { id, workspaceId, authorId, title: "Trigger test", publishedOn: new Date("2020-01-01"), publishedPrecision: "YEAR", text: first } });
    expectTiling(first, await passagesOf(id));
    expect((await passagesOf(id)).map((p) => p.text)).toEqual(["The thornwallow accord was signed.", "It changed little."]);
    expect(await db().searchWord.count({ where: { workspaceId, word: "thornwallow" } })).toBe(1);

    const second = "A shorter text about the mossgrove pact.";
    await db().source.update({ where: { id }, data: { text: second } });
    expect(await passagesOf(id)).toEqual([{ start: 0, end: second.length, text: second }]);
    expect(await db().searchWord.count({ where: { workspaceId, word: "mossgrove" } })).toBe(1);

    // A change that leaves the text alone leaves the passages alone.
    const before = await db().passage.findMany({ where: { sourceId: id }, select: { id: true } });
    await db().source.update({ where: { id }, data: { title: "Renamed" } });
    expect(await db().passage.findMany({ where: { sourceId: id }, select: { id: true } })).toEqual(before);
  });
});

describe("stancemap_search_text", () => {
  it("normalizes exactly as lib/domain/search.ts does, one character for one", async () => {
    const sample = `“talk shop.” — Kazakhstan’s\u00a0summit ‐ anti‑NATO «bloc»…${SEARCH_TEXT_FROM}`;
    const [{ normalized }] = await db().$queryRaw<{ normalized: string }[]>`select stancemap_search_text(${sample}) as normalized`;
    expect(normalized).toBe(normalizeSearchText(sample));
    expect(normalized.length).toBe(sample.length);
    expect(normalized.startsWith(" talk shop.    Kazakhstan s summit - anti-NATO  bloc  ")).toBe(true);
  });

  it("lets text search find words next to typographic quotes and no-break spaces", async () => {
    const [{ vector }] = await db().$queryRaw<{ vector: string }[]>`select to_tsvector('english', stancemap_search_text(${"a Eurasian “talk shop.”\u00a0Next"}))::text as vector`;
    expect(vector).toBe("'eurasian':2 'next':5 'shop':4 'talk':3");
  });
});
