import { describe, expect, it } from "vitest";
import { citationsOf, type TMapCitation, type TMapGraph } from "../../domain/map-graph";
import { streamAif, toAif } from "../aif/to-aif";
import { argdownWriter, toArgdown } from "../argdown/to-argdown";
import { evidenceCsvWriter, evidenceToCsv } from "../csv/to-csv";
import { serialiseJsonWithLists, streamJsonWithLists } from "../json/serialise-native-document";
import { pagesOf, streamText, trimmedEnd } from "../text-writer";
import { fixtureGraph } from "./fixture";

const graph = fixtureGraph();
const citations = citationsOf(graph);

async function joined(pieces: AsyncIterable<string>): Promise<{ text: string; count: number }> {
  let text = "";
  let count = 0;
  for await (const piece of pieces) {
    text += piece;
    count++;
  }
  return { text, count };
}

/** The rows as a database cursor hands them over: pages, asynchronously. */
async function* cursor<T>(rows: readonly T[], size: number): AsyncGenerator<T[]> {
  for (const page of pagesOf(rows, size)) {
    await Promise.resolve();
    yield page;
  }
}

const emptyMap: TMapGraph = { ...graph, claims: [], claimLinks: [], excerpts: [], evidence: [], positions: [] };

describe("streamed exports are the whole-graph files, however the evidence is paged", () => {
  for (const size of [1, 2, 3, 1000]) {
    it(`Argdown, evidence in pages of ${size}`, async () => {
      expect((await joined(streamText(argdownWriter(graph), cursor(citations, size)))).text).toBe(toArgdown(graph));
    });

    it(`evidence CSV (with and without byte order mark), pages of ${size}`, async () => {
      for (const bom of [false, true]) {
        expect((await joined(streamText(evidenceCsvWriter(graph, { bom }), cursor(citations, size)))).text).toBe(evidenceToCsv(graph, { bom }));
      }
    });

    it(`AIF, pages of ${size}`, async () => {
      const whole = [...serialiseJsonWithLists({}, { ...toAif(graph) })].join("");
      expect((await joined(streamAif(graph, cursor(citations, size), 64))).text).toBe(whole);
    });
  }

  it("Argdown ends with its last line and one line break, however the pieces end", async () => {
    const { text } = await joined(streamText(argdownWriter(graph), cursor(citations, 1)));
    expect(text).toMatch(/\S\n$/);
  });

  it("pieces follow the pages: each page of evidence is handed on by itself", async () => {
    const { count } = await joined(streamText(argdownWriter(graph), cursor(citations, 1)));
    // head, one piece per evidence link, end.
    expect(count).toBe(1 + citations.length + 1);
  });

  it("a map with no claims and no evidence gives the same files as before", async () => {
    expect((await joined(streamText(argdownWriter(emptyMap), cursor<TMapCitation>([], 2)))).text).toBe(toArgdown(emptyMap));
    expect((await joined(streamText(evidenceCsvWriter(emptyMap, { bom: true }), cursor<TMapCitation>([], 2)))).text).toBe(evidenceToCsv(emptyMap, { bom: true }));
    expect((await joined(streamAif(emptyMap, cursor<TMapCitation>([], 2)))).text).toBe([...serialiseJsonWithLists({}, { ...toAif(emptyMap) })].join(""));
  });

  it("AIF read in pages numbers excerpts by their first citation, even when it comes on a later page", async () => {
    // x1 is cited first by e1 and again by e2; the relation of e2 must point at x1's node.
    const aif = JSON.parse((await joined(streamAif(graph, cursor(citations, 1)))).text) as ReturnType<typeof toAif>;
    expect(aif).toEqual(toAif(graph));
    const quoteNode = aif.nodes.find((n) => n.type === "I" && n.text === graph.excerpts[0].exact)!;
    expect(aif.edges.filter((e) => e.fromID === quoteNode.nodeID)).toHaveLength(2);
  });
});

describe("streamJsonWithLists", () => {
  const head = { version: 1, title: "A “quoted” title" };
  const lists = { rows: [{ a: 1 }, { a: "two\nlines" }, { a: null }], empty: [], more: [[1, 2], [3]] };
  const whole = [...serialiseJsonWithLists(head, lists)].join("");

  it("writes what serialiseJsonWithLists writes, from pages arriving asynchronously, at any piece size", async () => {
    for (const chunkSize of [1, 16, 1 << 20]) {
      const pages = Object.fromEntries(Object.entries(lists).map(([k, rows]) => [k, cursor<unknown>(rows, 2)]));
      expect((await joined(streamJsonWithLists(head, pages, chunkSize))).text).toBe(whole);
    }
    expect(JSON.parse(whole)).toEqual({ ...head, ...lists });
  });

  it("hands a large list on in bounded pieces", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `row-${i}`, text: "words ".repeat(10) }));
    const pieces: string[] = [];
    for await (const piece of streamJsonWithLists({}, { rows: cursor(rows, 100) }, 8 * 1024)) pieces.push(piece);
    expect(pieces.length).toBeGreaterThan(10);
    // A piece is handed on once it passes the size, after the page that took it there.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(8 * 1024 + 100 * 80);
    expect(JSON.parse(pieces.join("")).rows).toEqual(rows);
  });
});

describe("trimmedEnd", () => {
  it("ends a text cut into any pieces as text.trimEnd() + newline would", () => {
    const text = "a  \n\nb\t \n c \n\n\n";
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
        const t = trimmedEnd();
        const out = [text.slice(0, cut), text.slice(cut, cut2), text.slice(cut2)].map((piece) => t.push(piece)).join("") + t.end();
        expect(out).toBe(`${text.trimEnd()}\n`);
      }
    }
  });
});

describe("pagesOf", () => {
  it("groups items into pages of the size, the last one shorter", () => {
    expect([...pagesOf([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...pagesOf([], 2)]).toEqual([]);
  });
});
