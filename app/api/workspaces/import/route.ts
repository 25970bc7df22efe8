import { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors/app-error";
import { ZNativeDocumentSchema } from "@/lib/schemas/native-document";
import { idempotencyOf, json, route } from "@/lib/server/http";
import { importNativeDocument } from "@/lib/server/import/import-native-document";
import { readJson } from "@/lib/server/request";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** A whole workspace in one document: large, but a 50 MB upload is refused before it is read. */
const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

const IMPORT_FORMATS = ["json"] as const;
const ZImportQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(", ")}` }).default("json"),
});

/**
 * `POST /api/workspaces/import` with a native Stancemap document → 201 `{ slug, counts }`: a new
 * workspace owned by the caller. 400 for a body that is not a v1 document (each wrong field named
 * by its path), 413 above 40 MB, 422 when references or selectors do not hold; nothing written.
 */
export const POST = route(z.object({}), async (request) => {
  const viewer = await requireWriter(request);
  const { format } = parseOrThrow(ZImportQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  if (format !== "json") throw new AppError("BAD_REQUEST", `format ${format} is not supported`);
  const document = await readJson(request, ZNativeDocumentSchema, MAX_IMPORT_BYTES);
  const result = await importNativeDocument(viewer, document, idempotencyOf(request, document));
  return json(result.body, { status: result.status });
});
