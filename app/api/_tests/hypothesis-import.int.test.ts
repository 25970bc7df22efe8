import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createOwnerOf, type TActor } from "@/lib/testing/actors";
import { call } from "@/lib/testing/call";
import { expectNoWrites } from "@/lib/testing/expect-no-writes";
import { KATZ_FILE } from "@/lib/testing/pdf-fixtures";
import { POST as createClaim } from "../workspaces/[slug]/claims/route";
import { GET as getHistory } from "../workspaces/[slug]/history/route";
import { POST as createSource } from "../workspaces/[slug]/sources/route";
import { POST as importAnnotations } from "../workspaces/[slug]/sources/[id]/annotations/route";

const SLUG = "hypothesis-import";
const URI = "https://www.example.org/katz-lonely-road";
let owner: TActor;
let sourceId: string;
let isolated: string;
let noBloc: string;
const text = readFileSync(KATZ_FILE, "utf8");

/** A Hypothesis row on `exact` as its client writes it: Range, TextPosition and TextQuote selectors. */
function row(n: number, exact: string, tags: string[], note = `Note ${n}`) {
  const start = text.indexOf(exact);
  return {
    id: `hyp-${n}`,
    created: "2024-05-01T10:00:00.000000+00:00",
    user: `acct:student${n % 3}@hypothes.is`,
    uri: URI,
    text: note,
    tags,
    target: [
      {
        source: URI,
        selector: [
          { type: "RangeSelector", endOffset: 40, startOffset: 0, endContainer: "/div[1]/p[3]", startContainer: "/div[1]/p[3]" },
          { type: "TextPositionSelector", start: start + 7, end: start + 7 + exact.length },
          { type: "TextQuoteSelector", exact, prefix: start > 0 ? text.slice(Math.max(0, start - 20), start) : "", suffix: text.slice(start + exact.length, start + exact.length + 20) },
        ],
      },
    ],
  };
}

beforeAll(async () => {
  ({ owner } = await createOwnerOf(SLUG, "Hypothesis import", "Annotator"));
  const created = await call(createSource, { method: "POST", params: { slug: SLUG }, headers: owner.headers, body: { title: "Moscow’s Lonely Road", author: { name: "Mark N. Katz" }, published: "2008", text } });
  sourceId = created.body.id;
  isolated = (await call(createClaim, { method: "POST", params: { slug: SLUG }, headers: owner.headers, body: { text: "Russia is isolated within the SCO." } })).body.id;
  noBloc = (await call(createClaim, { method: "POST", params: { slug: SLUG }, headers: owner.headers, body: { text: "The SCO is not an anti-NATO bloc." } })).body.id;
});

describe("Hypothesis import", () => {
  it("places a 20-annotation export by its quotes, links mapped tags to claims with their stance, and reports the rest with reasons", async () => {
    const sentences = text
      .split(/(?<=[.!?])\s+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 60 && s.length < 300 && text.indexOf(s) === text.lastIndexOf(s));
    expect(sentences.length).toBeGreaterThanOrEqual(16);
    const rows = [
      ...sentences.slice(0, 6).map((s, i) => row(i, s, ["supports:isolated"])),
      ...sentences.slice(6, 9).map((s, i) => row(6 + i, s, ["reported-bloc"])),
      ...sentences.slice(9, 11).map((s, i) => row(9 + i, s, ["supports:isolated", "opposes:bloc"])),
      ...sentences.slice(11, 16).map((s, i) => row(11 + i, s, ["reading-week-3"])),
      row(16, "A sentence Katz never wrote about the SCO.", ["supports:isolated"]),
      row(17, "Another passage that is not in this text at all.", []),
      { id: "hyp-18", user: "acct:student0@hypothes.is", uri: URI, text: "A page note: no quote.", tags: ["supports:isolated"], target: [{ source: URI }] },
      { ...row(19, sentences[0], []), target: [{ source: URI, selector: [{ type: "TextQuoteSelector", exact: "the" }] }] },
    ];
    expect(rows).toHaveLength(20);
    const mapping = [
      { tag: "supports:isolated", claimId: isolated, stance: "SUPPORTS" },
      { tag: "opposes:bloc", claimId: noBloc, stance: "OPPOSES" },
      { tag: "reported-bloc", claimId: noBloc, stance: "SUPPORTS", voice: "REPORTED" },
    ];
    const before = await db().event.count({ where: { workspace: { slug: SLUG } } });
    const result = await call(importAnnotations, { method: "POST", path: `/api/workspaces/${SLUG}/sources/${sourceId}/annotations?format=hypothesis`, params: { slug: SLUG, id: sourceId }, headers: owner.headers, body: { total: 20, rows, mapping } });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    const { anchored, unanchored } = result.body;
    // 16 rows placed; the two rows with two mapped tags are evidence for both claims.
    expect(new Set(anchored.map((a: { index: number }) => a.index)).size).toBe(16);
    expect(anchored).toHaveLength(18);
    expect(unanchored.map((u: { index: number }) => u.index).sort((a: number, b: number) => a - b)).toEqual([16, 17, 18, 19]);
    expect(unanchored.find((u: { index: number }) => u.index === 16)).toMatchObject({ id: "hyp-16", user: "student1", reason: "the quote is not in this source's text, not even approximately" });
    expect(unanchored.find((u: { index: number }) => u.index === 18).reason).toMatch(/no TextQuoteSelector/);
    expect(unanchored.find((u: { index: number }) => u.index === 19).reason).toMatch(/occurs .* times/);
    for (const a of anchored) expect(text.slice(a.start, a.end)).toBe(sentences[a.index]);

    const evidence = await db().evidence.findMany({ where: { excerpt: { sourceId } }, select: { claimId: true, stance: true, voice: true, note: true, excerpt: { select: { start: true } } } });
    expect(evidence.filter((e) => e.claimId === isolated && e.stance === "SUPPORTS" && e.voice === "AUTHOR")).toHaveLength(8);
    expect(evidence.filter((e) => e.claimId === noBloc && e.stance === "OPPOSES")).toHaveLength(2);
    expect(evidence.filter((e) => e.claimId === noBloc && e.voice === "REPORTED")).toHaveLength(3);
    expect(evidence.find((e) => e.excerpt.start === text.indexOf(sentences[0]))?.note).toBe("Note 0");
    // Tags nobody mapped leave their passages as excerpts without evidence.
    expect(await db().excerpt.count({ where: { sourceId, deletedAt: null } })).toBe(16);
    expect(await db().evidence.count({ where: { excerpt: { sourceId } } })).toBe(13);
    // History shows what the import did: an event per excerpt and per evidence link.
    expect(await db().event.count({ where: { workspace: { slug: SLUG } } })).toBe(before + 16 + 13);
    const history = await call(getHistory, { params: { slug: SLUG }, headers: owner.headers });
    expect(history.status).toBe(200);
  });

  it("lists a row once per claim it speaks to, naming the claim, so no entry repeats another", async () => {
    // A sentence the first export did not annotate (it used the first 16).
    const sentence = text
      .split(/(?<=[.!?])\s+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 60 && s.length < 300 && text.indexOf(s) === text.lastIndexOf(s))[20];
    const deleted = (await call(createClaim, { method: "POST", params: { slug: SLUG }, headers: owner.headers, body: { text: "A claim withdrawn before the import." } })).body.id;
    await db().claim.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    const rows = [row(30, sentence, ["supports:isolated", "opposes:bloc"]), row(31, sentence, ["withdrawn", "also-withdrawn"])];
    const mapping = [
      { tag: "supports:isolated", claimId: isolated, stance: "SUPPORTS" },
      { tag: "opposes:bloc", claimId: noBloc, stance: "OPPOSES" },
      { tag: "withdrawn", claimId: deleted, stance: "SUPPORTS" },
      { tag: "also-withdrawn", claimId: deleted, stance: "OPPOSES" },
    ];
    const send = () => call(importAnnotations, { method: "POST", path: `/api/workspaces/${SLUG}/sources/${sourceId}/annotations?format=hypothesis`, params: { slug: SLUG, id: sourceId }, headers: owner.headers, body: { rows, mapping } });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body.anchored.map((a: { index: number; claimId: string | null; evidenceId: string | null }) => [a.index, a.claimId, a.evidenceId !== null])).toEqual([
      [0, isolated, true],
      [0, noBloc, true],
      [1, deleted, false],
    ]);
    // The same export again: nothing new, and still each (row, claim) once, saying why no evidence was made.
    const again = await send();
    expect(again.status).toBe(201);
    const entries = again.body.anchored as { index: number; claimId: string | null; evidenceId: string | null; note?: string }[];
    expect(entries.map((a) => [a.index, a.claimId, a.evidenceId, a.note])).toEqual([
      [0, isolated, null, "already evidence for that claim"],
      [0, noBloc, null, "already evidence for that claim"],
      [1, deleted, null, "its claim is not in this workspace: kept as a passage without evidence"],
    ]);
    expect(new Set(entries.map((a) => JSON.stringify(a))).size).toBe(entries.length);
    expect(again.body.unanchored).toEqual([]);
  });

  it("writes nothing for an export it cannot read, a bad mapping, or a source of another workspace", async () => {
    const path = `/api/workspaces/${SLUG}/sources/${sourceId}/annotations?format=hypothesis`;
    const send = (body: unknown, id = sourceId) => call(importAnnotations, { method: "POST", path, params: { slug: SLUG, id }, headers: owner.headers, body });
    expect((await expectNoWrites(() => send({ items: [] }))).status).toBe(400);
    expect((await expectNoWrites(() => send({ rows: [], mapping: [{ tag: "x", claimId: "not-a-uuid", stance: "SUPPORTS" }] }))).status).toBe(400);
    expect((await expectNoWrites(() => send({ rows: [row(0, "Russia", [])] }, "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
    const unknownFormat = await call(importAnnotations, { method: "POST", path: `/api/workspaces/${SLUG}/sources/${sourceId}/annotations?format=kindle`, params: { slug: SLUG, id: sourceId }, headers: owner.headers, body: { rows: [] } });
    expect(unknownFormat.status).toBe(400);
  });
});
