import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { nativeDocumentJsonSchema, ZNativeDocumentSchema } from "../native-document";

const published = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "..", "..", "docs", "schema", "stancemap-v1.json"), "utf8"));

const minimal = {
  schemaVersion: 1,
  workspace: { slug: "ws", title: "W", description: "", visibility: "PRIVATE" },
  authors: [],
  sources: [],
  claims: [],
  claimLinks: [],
  excerpts: [],
  evidence: [],
  positions: [],
};

const source = { id: "s", authorId: "a", title: "T", publication: null, published: "2022", publishedNote: null, url: null, text: "The SCO is a talk shop." };
const excerpt = { id: "x", sourceId: "s", start: 0, end: 7, exact: "The SCO", prefix: "", suffix: " is a" };

describe("the native document's JSON Schema", () => {
  it("is the one committed under docs/schema (run `npm run schema` after changing the zod schema)", () => {
    expect(published).toEqual(nativeDocumentJsonSchema());
  });

  it("accepts and refuses the same documents as the zod schema", () => {
    // The date-time fields carry a pattern that checks them; the format itself is only declared.
    const validate = new Ajv2020({ allErrors: true, strict: false, formats: { "date-time": true } }).compile(published);
    const cases: [string, unknown, boolean][] = [
      ["minimal", minimal, true],
      ["wrong version", { ...minimal, schemaVersion: 2 }, false],
      ["unknown field", { ...minimal, extra: true }, false],
      ["bad stance", { ...minimal, evidence: [{ id: "e", excerptId: "x", claimId: "c", stance: "LIKES", voice: "AUTHOR", note: null }] }, false],
      ["bad date", { ...minimal, sources: [{ id: "s", authorId: "a", title: "T", publication: null, published: "22-09", publishedNote: null, url: null, text: "x" }] }, false],
      ["missing list", { ...minimal, claims: undefined }, false],
      ["with comments", { ...minimal, comments: [{ id: "k", target: { type: "claim", id: "c" }, parentId: null, author: "Ada", body: "Why?", createdAt: "2026-11-26T10:00:00.000Z", editedAt: null, resolved: { at: "2026-11-27T09:30:00Z", by: null } }] }, true],
      ["comment on a source", { ...minimal, comments: [{ id: "k", target: { type: "source", id: "s" }, parentId: null, author: "Ada", body: "Why?", createdAt: "2026-11-26T10:00:00.000Z", editedAt: null, resolved: null }] }, false],
      ["comment with a bad time", { ...minimal, comments: [{ id: "k", target: { type: "claim", id: "c" }, parentId: null, author: "Ada", body: "Why?", createdAt: "yesterday", editedAt: null, resolved: null }] }, false],
      ["markdown source", { ...minimal, sources: [{ ...source, format: "markdown" }] }, true],
      ["source of another format", { ...minimal, sources: [{ ...source, format: "html" }] }, false],
      ["excerpt placed approximately", { ...minimal, excerpts: [{ ...excerpt, anchoring: { method: "fuzzy", score: 0.87 } }] }, true],
      ["anchoring by an unknown method", { ...minimal, excerpts: [{ ...excerpt, anchoring: { method: "guessed", score: 0.5 } }] }, false],
      ["anchoring score above 1", { ...minimal, excerpts: [{ ...excerpt, anchoring: { method: "fuzzy", score: 1.5 } }] }, false],
      ["anchoring without a score", { ...minimal, excerpts: [{ ...excerpt, anchoring: { method: "normalised" } }] }, false],
      ["orphan", { ...minimal, excerpts: [{ ...excerpt, orphaned: { reason: "the quote is no longer in the text" } }] }, true],
      ["orphan without a reason", { ...minimal, excerpts: [{ ...excerpt, orphaned: { reason: "" } }] }, false],
      ["orphan as a flag", { ...minimal, excerpts: [{ ...excerpt, orphaned: true }] }, false],
      ["orphan with an unknown field", { ...minimal, excerpts: [{ ...excerpt, orphaned: { reason: "gone", revision: 3 } }] }, false],
      ["comment too long", { ...minimal, comments: [{ id: "k", target: { type: "claim", id: "c" }, parentId: null, author: "Ada", body: "x".repeat(5001), createdAt: "2026-11-26T10:00:00.000Z", editedAt: null, resolved: null }] }, false],
    ];
    for (const [name, doc, valid] of cases) {
      expect(validate(doc), `${name} (JSON Schema)`).toBe(valid);
      expect(ZNativeDocumentSchema.safeParse(doc).success, `${name} (zod)`).toBe(valid);
    }
  });

  it("says what is wrong with a document of another version", () => {
    const result = ZNativeDocumentSchema.safeParse({ ...minimal, schemaVersion: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["schemaVersion"], message: expect.stringContaining("schemaVersion must be 1") });
  });

  it("still reads a document written before sources had a format and excerpts an anchoring or an orphan mark", () => {
    const older = { ...minimal, authors: [{ id: "a", name: "Ann", shortName: "A", affiliation: null }], sources: [source], excerpts: [excerpt] };
    const parsed = ZNativeDocumentSchema.parse(older);
    expect(parsed.sources[0]).not.toHaveProperty("format");
    expect(parsed.excerpts[0]).not.toHaveProperty("anchoring");
    expect(parsed.excerpts[0]).not.toHaveProperty("orphaned");
  });

  it("says which new field is wrong and how", () => {
    const issues = (doc: unknown) => ZNativeDocumentSchema.safeParse(doc).error?.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    expect(issues({ ...minimal, sources: [{ ...source, format: "html" }] })).toEqual([{ path: "sources.0.format", message: 'format must be "text" or "markdown"' }]);
    expect(
      issues({
        ...minimal,
        excerpts: [
          { ...excerpt, anchoring: { method: "guessed", score: 0.5 } },
          { ...excerpt, anchoring: { method: "fuzzy", score: -0.1 } },
          { ...excerpt, anchoring: { method: "fuzzy", score: "high" } },
        ],
      }),
    ).toEqual([
      { path: "excerpts.0.anchoring.method", message: 'anchoring.method must be "exact", "normalised" or "fuzzy"' },
      { path: "excerpts.1.anchoring.score", message: "anchoring.score must be from 0 to 1" },
      { path: "excerpts.2.anchoring.score", message: "anchoring.score must be a number from 0 to 1" },
    ]);
    expect(issues({ ...minimal, excerpts: [{ ...excerpt, orphaned: { reason: "" } }, { ...excerpt, orphaned: {} }] })).toEqual([
      { path: "excerpts.0.orphaned.reason", message: "orphaned.reason must not be empty" },
      { path: "excerpts.1.orphaned.reason", message: "orphaned.reason must be a text" },
    ]);
  });
});
