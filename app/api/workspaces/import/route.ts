import { z } from "zod";
import { parseOrThrow } from "@/lib/errors/app-error";
import { ZImportQuerySchema } from "@/lib/schemas/workspaces";
import { json, route } from "@/lib/server/http";
import { importWorkspaceFile } from "@/lib/server/import/import-workspace-file";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * `POST /api/workspaces/import[?format=json|aif|kialo][&title=]` → 201 `{ slug, counts }`: a new
 * workspace owned by the caller, written whole or not at all (see `importWorkspaceFile`).
 * - json: a native Stancemap document (as exported).
 * - aif: AIF JSON (AIFdb, OVA), with `warnings` for shortened propositions.
 * - kialo: a Kialo discussion export, sent as text.
 */
export const POST = route(z.object({}), async (request) => {
  const viewer = await requireWriter(request);
  const query = parseOrThrow(ZImportQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  const result = await importWorkspaceFile(viewer, request, query);
  return json(result.body, { status: result.status });
});
