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
});
