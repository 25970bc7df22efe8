/**
 * `npm run schema`: writes the JSON Schema of the native document (generated from its zod schema)
 * to docs/schema/stancemap-v1.json, where other tools can read it. A unit test fails when the
 * committed file and the schema differ.
 */
import fs from "node:fs";
import path from "node:path";
import { nativeDocumentJsonSchema } from "../lib/schemas/native-document";

const file = path.join(import.meta.dirname, "..", "docs", "schema", "stancemap-v1.json");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(nativeDocumentJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
