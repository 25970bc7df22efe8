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
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(published);
    const cases: [string, unknown, boolean][] = [
      ["minimal", minimal, true],
      ["wrong version", { ...minimal, schemaVersion: 2 }, false],
      ["unknown field", { ...minimal, extra: true }, false],
      ["bad stance", { ...minimal, evidence: [{ id: "e", excerptId: "x", claimId: "c", stance: "LIKES", voice: "AUTHOR", note: null }] }, false],
      ["bad date", { ...minimal, sources: [{ id: "s", authorId: "a", title: "T", publication: null, published: "22-09", publishedNote: null, url: null, text: "x" }] }, false],
      ["missing list", { ...minimal, claims: undefined }, false],
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
