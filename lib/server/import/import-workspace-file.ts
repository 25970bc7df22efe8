import "server-only";
import { AppError } from "../../errors/app-error";
import { aifToNative, ZAifSchema } from "../../import/aif/aif-to-native";
import { parseKialo } from "../../import/kialo/parse-kialo";
import { MAX_IMPORT_BYTES } from "../../schemas/import";
import { ZNativeDocumentSchema, type TNativeDocument } from "../../schemas/native-document";
import type { TImportQuery } from "../../schemas/workspaces";
import type { TViewer } from "../authorize";
import { idempotencyOf } from "../http";
import { readJson, readText } from "../request";
import { importNativeDocument } from "./import-native-document";


type TIssue = { path: string; message: string };

function unprocessable(what: string, issues: TIssue[]): AppError {
  return new AppError("UNPROCESSABLE", `The ${what} cannot be imported: ${issues.length === 1 ? "1 problem" : `${issues.length} problems`}, first at ${issues[0].path}: ${issues[0].message}.`, { issues });
}

/** The request's body as a native document: read as it is, or converted from AIF or Kialo. */
async function readDocument(request: Request, { format, title }: TImportQuery): Promise<{ document: TNativeDocument; warnings: TIssue[] }> {
  if (format === "json") return { document: await readJson(request, ZNativeDocumentSchema, MAX_IMPORT_BYTES), warnings: [] };
  let document: TNativeDocument;
  let warnings: TIssue[] = [];
  if (format === "kialo") {
    const parsed = parseKialo(await readText(request, MAX_IMPORT_BYTES), title);
    if (!parsed.document) throw unprocessable("Kialo export", parsed.issues);
    document = title ? { ...parsed.document, workspace: { ...parsed.document.workspace, title } } : parsed.document;
  } else {
    const converted = aifToNative(await readJson(request, ZAifSchema, MAX_IMPORT_BYTES), title);
    if (!converted.document) throw unprocessable("AIF map", converted.issues);
    document = converted.document;
    warnings = converted.warnings;
  }
  // What a conversion made must be a document like any other (claim lengths, slug, title).
  const checked = ZNativeDocumentSchema.safeParse(document);
  if (!checked.success) throw unprocessable(format === "aif" ? "AIF map" : "Kialo export", checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return { document, warnings };
}

/**
 * Imports the file in the request's body as a new workspace owned by the viewer, written whole or
 * not at all: a native document as exported, an AIF map (propositions become claims, inferences
 * and conflicts claim links; a proposition longer than a claim is shortened and listed in
 * `warnings`, at most 50) or a Kialo discussion export (the outline becomes claims, Pro/Con
 * links). 400 for a body of the wrong shape, 413 above 40 MB, 422 when references, selectors or
 * lines do not hold.
 */
export async function importWorkspaceFile(viewer: TViewer, request: Request, query: TImportQuery) {
  const { document, warnings } = await readDocument(request, query);
  const result = await importNativeDocument(viewer, document, idempotencyOf(request, document), query.format);
  return { status: result.status, body: warnings.length > 0 ? { ...result.body, warnings: warnings.slice(0, 50) } : result.body };
}
