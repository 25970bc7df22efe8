import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TErrorIssue } from "../../errors/app-error";
import { ZNativeDocumentSchema, type TNativeDocument } from "../../schemas/native-document";
import { MEGABYTE, withinBudget } from "../../testing/fuzz-budget";
import { checkNativeDocument } from "../native/check-native-document";

const AT = "2026-11-26T10:00:00.000Z";

/** A consistent document: every reference resolves, every quote is the text at its offsets. */
const VALID = fc
  .record({
    texts: fc.array(fc.string({ unit: fc.constantFrom("a", "b", " ", "é", "\n"), minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 3 }),
    claims: fc.integer({ min: 2, max: 6 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 5 }),
    excerpts: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(40), fc.nat(40)), { maxLength: 5 }),
    evidence: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
    positions: fc.uniqueArray(fc.tuple(fc.nat(5), fc.nat(2)), { maxLength: 4, selector: ([c, a]) => `${c}/${a}` }),
    threads: fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.boolean()), { maxLength: 3 }),
  })
  .map((r): TNativeDocument => {
    const authors = r.texts.map((_, i) => ({ id: `a${i}`, name: `Author ${i}`, shortName: `A${i}`, affiliation: null }));
    const sources = r.texts.map((text, i) => ({ id: `s${i}`, authorId: `a${i}`, title: `Source ${i}`, publication: null, published: "2020", publishedNote: null, url: "https://a.example/x", text }));
    const claims = Array.from({ length: r.claims }, (_, i) => ({ id: `c${i}`, text: `Claim ${i}`, tags: [] }));
    const claimLinks = r.links
      .map(([from, to, supports], i) => ({ id: `l${i}`, fromClaimId: `c${from % r.claims}`, toClaimId: `c${(from + 1 + (to % (r.claims - 1))) % r.claims}`, relation: supports ? ("SUPPORTS" as const) : ("OPPOSES" as const) }));
    const excerpts = r.excerpts.flatMap(([s, a, b, before, after], i) => {
      const text = r.texts[s % r.texts.length];
      const start = a % text.length;
      const end = start + 1 + (b % (text.length - start));
      return [{ id: `x${i}`, sourceId: `s${s % r.texts.length}`, start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - before), start), suffix: text.slice(end, end + after) }];
    });
    const evidence = excerpts.length === 0 ? [] : r.evidence.map(([x, c], i) => ({ id: `e${i}`, excerptId: `x${x % excerpts.length}`, claimId: `c${c % r.claims}`, stance: "SUPPORTS" as const, voice: "AUTHOR" as const, note: null }));
    const positions = r.positions.filter(([c, a]) => c < r.claims && a < authors.length).map(([c, a]) => ({ claimId: `c${c}`, authorId: `a${a}`, stance: "MIXED" as const, note: null }));
    const comments = r.threads.flatMap(([c, replies, resolved], t) => {
      const target = { type: "claim" as const, id: `c${c % r.claims}` };
      const first = { id: `t${t}`, target, parentId: null, author: "Ada", body: "First", createdAt: AT, editedAt: null, resolved: resolved ? { at: AT, by: "Ada" } : null };
      return [first, ...Array.from({ length: replies }, (_, i) => ({ ...first, id: `t${t}r${i}`, parentId: `t${t}`, body: `Reply ${i}`, resolved: null }))];
    });
    return {
      schemaVersion: 1,
      workspace: { slug: "ws", title: "W", description: "", visibility: "PRIVATE" },
      authors,
      sources,
      claims,
      claimLinks,
      excerpts,
      evidence,
      positions,
      comments,
    };
  });

const LISTS = ["authors", "sources", "claims", "claimLinks", "excerpts", "evidence", "positions", "comments"] as const;
const FIELDS = ["id", "authorId", "sourceId", "claimId", "excerptId", "fromClaimId", "toClaimId", "parentId", "start", "end", "exact", "prefix", "suffix", "text", "name", "body", "author", "resolved", "target"];

/** One change to a document: drop, duplicate or rewrite a row; point a reference nowhere; move offsets. */
const MUTATION = fc.record({
  kind: fc.constantFrom("drop", "duplicate", "set", "delete", "dangle", "offset", "swap"),
  list: fc.constantFrom(...LISTS),
  index: fc.nat(),
  field: fc.constantFrom(...FIELDS),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -5, max: 500 }), fc.constantFrom("c0", "a0", "x0", "t0", "ghost", "")),
});

type TMutation = typeof MUTATION extends fc.Arbitrary<infer T> ? T : never;

function mutate(doc: TNativeDocument, mutations: TMutation[]): unknown {
  const copy = structuredClone(doc) as unknown as Record<string, Record<string, unknown>[]>;
  for (const { kind, list, index, field, value } of mutations) {
    const rows = copy[list] ?? [];
    if (rows.length === 0) continue;
    const i = index % rows.length;
    const row = rows[i];
    if (kind === "drop") rows.splice(i, 1);
    else if (kind === "duplicate") rows.push(structuredClone(row));
    else if (kind === "set") row[field] = value;
    else if (kind === "delete") delete row[field];
    else if (kind === "dangle") row[field] = "nowhere";
    else if (kind === "offset") row[field] = typeof row[field] === "number" ? (row[field] as number) + (typeof value === "number" ? value : 1) : value;
    else rows.splice(i, 1, rows[(i + 1) % rows.length], row);
  }
  return copy;
}

function expectIssues(issues: TErrorIssue[]) {
  expect(issues.length).toBeLessThanOrEqual(50);
  for (const issue of issues) {
    expect(issue.path).toMatch(/^(authors|sources|claims|claimLinks|excerpts|evidence|positions|comments)\.\d+(\.[a-zA-Z.]+)?$/);
    expect(issue.message).not.toBe("");
  }
}

describe("checkNativeDocument on random and mutated documents", () => {
  it("finds nothing wrong with a consistent document", () => {
    fc.assert(
      fc.property(VALID, (doc) => {
        expect(ZNativeDocumentSchema.safeParse(doc).success).toBe(true);
        expect(checkNativeDocument(doc)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on a mutated document the schema accepts, and names each problem by path", () => {
    let checked = 0;
    let refused = 0;
    fc.assert(
      fc.property(VALID, fc.array(MUTATION, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        const parsed = ZNativeDocumentSchema.safeParse(mutate(doc, mutations));
        // A document the schema refuses is a 400 with zod's issues before this check runs.
        if (!parsed.success) return;
        const issues = checkNativeDocument(parsed.data);
        expectIssues(issues);
        checked++;
        if (issues.length > 0) refused++;
      }),
      { numRuns: 1500 },
    );
    // The mutations reach the check, and many of them break what only the check can see.
    expect(checked).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(100);
  });

  it("names an excerpt whose offsets leave its source, wherever they point", () => {
    fc.assert(
      fc.property(VALID.filter((d) => d.excerpts.length > 0), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (doc, start, end) => {
        const x = doc.excerpts[0];
        const text = doc.sources.find((s) => s.id === x.sourceId)!.text;
        fc.pre(text.slice(start, end) !== x.exact || start !== x.start);
        const issues = checkNativeDocument({ ...doc, excerpts: [{ ...x, start, end }, ...doc.excerpts.slice(1)] });
        if (end <= start || end > text.length || text.slice(start, end) !== x.exact) expect(issues.map((i) => i.path)).toContainEqual(expect.stringMatching(/^excerpts\.0\.(end|exact)$/));
      }),
      { numRuns: 500 },
    );
  });

  it("checks a megabyte of rows, every reference dangling, within its budget", () => {
    const text = "ab ".repeat(MEGABYTE / 6);
    const n = 5_000;
    const doc: TNativeDocument = {
      schemaVersion: 1,
      workspace: { slug: "ws", title: "W", description: "", visibility: "PRIVATE" },
      authors: [{ id: "a", name: "A", shortName: "A", affiliation: null }],
      sources: [{ id: "s", authorId: "a", title: "S", publication: null, published: "2020", publishedNote: null, url: null, text }],
      claims: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, text: "Claim", tags: [] })),
      claimLinks: Array.from({ length: n }, (_, i) => ({ id: `l${i}`, fromClaimId: `c${i}`, toClaimId: "ghost", relation: "SUPPORTS" as const })),
      excerpts: Array.from({ length: n }, (_, i) => ({ id: `x${i}`, sourceId: "s", start: i, end: i + 30, exact: text.slice(i, i + 30), prefix: text.slice(Math.max(0, i - 30), i), suffix: text.slice(i + 30, i + 60) })),
      evidence: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, excerptId: `x${i}`, claimId: "ghost", stance: "SUPPORTS" as const, voice: "AUTHOR" as const, note: null })),
      positions: Array.from({ length: n }, (_, i) => ({ claimId: `c${i}`, authorId: "a", stance: "SILENT" as const, note: null })),
      comments: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, target: { type: "claim" as const, id: `c${i}` }, parentId: i === 0 ? null : "t0", author: "Ada", body: "x", createdAt: AT, editedAt: null, resolved: null })),
    };
    const size = JSON.stringify(doc).length;
    expect(size).toBeGreaterThan(MEGABYTE);
    const issues = withinBudget(size, () => checkNativeDocument(doc));
    expect(issues).toHaveLength(50);
    expect(issues[0].path).toBe("claimLinks.0.toClaimId");
  });
});
