import { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors/app-error";
import { aifToNative, ZAifSchema } from "@/lib/import/aif/aif-to-native";
import { parseKialo } from "@/lib/import/kialo/parse-kialo";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { ZNativeDocumentSchema, type TNativeDocument } from "@/lib/schemas/native-document";
import { idempotencyOf, json, route } from "@/lib/server/http";
import { importNativeDocument } from "@/lib/server/import/import-native-document";
import { readJson, readText } from "@/lib/server/request";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

const IMPORT_FORMATS = ["json", "aif", "kialo"] as const;
const ZImportQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(", ")}` }).default("json"),
  /** aif and kialo: the new workspace's title (a Kialo export names its discussion itself). */
  title: z.string().trim().min(1).max(200).optional(),
});

function unprocessable(what: string, issues: { path: string; message: string }[]): AppError {
  return new AppError("UNPROCESSABLE", `The ${what} cannot be imported: ${issues.length === 1 ? "1 problem" : `${issues.length} problems`}, first at ${issues[0].path}: ${issues[0].message}.`, { issues });
}

/**
 * `POST /api/workspaces/import[?format=json|aif|kialo]` → 201 `{ slug, counts }`: a new workspace
 * owned by the caller, written whole or not at all.
 * - json: a native Stancemap document (as exported).
 * - aif: AIF JSON (AIFdb, OVA): propositions become claims, inferences and conflicts claim links;
 *   a proposition longer than a claim is shortened, listed in `warnings`.
 * - kialo: a Kialo discussion export, sent as text: the outline becomes claims, Pro/Con links.
 * 400 for a body of the wrong shape (each wrong field named by its path), 413 above 40 MB, 422
 * when references, selectors or lines do not hold.
 */
export const POST = route(z.object({}), async (request) => {
  const viewer = await requireWriter(request);
  const { format, title } = parseOrThrow(ZImportQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  let document: TNativeDocument;
  let warnings: { path: string; message: string }[] = [];
  if (format === "kialo") {
    const parsed = parseKialo(await readText(request, MAX_IMPORT_BYTES), title);
    if (!parsed.document) throw unprocessable("Kialo export", parsed.issues);
    document = title ? { ...parsed.document, workspace: { ...parsed.document.workspace, title } } : parsed.document;
  } else if (format === "aif") {
    const converted = aifToNative(await readJson(request, ZAifSchema, MAX_IMPORT_BYTES), title);
    if (!converted.document) throw unprocessable("AIF map", converted.issues);
    document = converted.document;
    warnings = converted.warnings;
  } else {
    document = await readJson(request, ZNativeDocumentSchema, MAX_IMPORT_BYTES);
  }
  if (format !== "json") {
    // What a conversion made must be a document like any other (claim lengths, slug, title).
    const checked = ZNativeDocumentSchema.safeParse(document);
    if (!checked.success) throw unprocessable(format === "aif" ? "AIF map" : "Kialo export", checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  }
  const result = await importNativeDocument(viewer, document, idempotencyOf(request, document), format);
  return json(warnings.length > 0 ? { ...result.body, warnings: warnings.slice(0, 50) } : result.body, { status: result.status });
});
