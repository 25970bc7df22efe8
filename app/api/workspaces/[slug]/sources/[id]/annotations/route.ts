import { parseOrThrow } from "@/lib/errors/app-error";
import { ZAnnotationDocumentSchema, ZAnnotationImportQuerySchema, ZHypothesisImportSchema } from "@/lib/schemas/annotations";
import { ZSourceParamsSchema } from "@/lib/schemas/params";
import { idempotencyOf, json, route } from "@/lib/server/http";
import { mutate } from "@/lib/server/mutation";
import { readJson } from "@/lib/server/request";
import { importAnnotations } from "@/lib/server/sources/import-annotations";
import { importHypothesis } from "@/lib/server/sources/import-hypothesis";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * `POST …/sources/:id/annotations`: W3C Web Annotations (the default), or with
 * `?format=hypothesis` a Hypothesis export `{ rows, mapping }`, re-anchored onto this source by
 * their TextQuote → 201 `{ anchored, unanchored }`; those that do not anchor are listed with the
 * reason.
 */
export const POST = route(ZSourceParamsSchema, async (request, params) => {
  const viewer = await requireWriter(request);
  const { format } = parseOrThrow(ZAnnotationImportQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  let change: Parameters<typeof mutate>[1];
  let body: unknown;
  if (format === "hypothesis") {
    const { rows, mapping } = await readJson(request, ZHypothesisImportSchema, MAX_BYTES);
    body = { rows, mapping };
    change = async (ctx) => ({ status: 201, body: await importHypothesis(ctx, params.id, rows, mapping) });
  } else {
    const document = await readJson(request, ZAnnotationDocumentSchema, MAX_BYTES);
    body = document;
    change = async (ctx) => ({ status: 201, body: await importAnnotations(ctx, params.id, document) });
  }
  const result = await mutate({ viewer, slug: params.slug, action: "edit", idempotency: idempotencyOf(request, format === "w3c" ? body : { format, body }) }, change);
  return json(result.body, { status: result.status, headers: { "cache-control": "no-store, no-transform" } });
});
