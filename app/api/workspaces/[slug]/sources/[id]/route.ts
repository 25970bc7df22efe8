import { ZDeleteSchema } from "@/lib/schemas/claims";
import { ZSourceParamsSchema } from "@/lib/schemas/params";
import { MAX_SOURCE_TEXT_BYTES, ZUpdateSourceSchema } from "@/lib/schemas/sources";
import { json, mutationRoute, readRoute } from "@/lib/server/http";
import { deleteSource } from "@/lib/server/sources/delete-source";
import { getSource } from "@/lib/server/sources/get-source";
import { updateSource } from "@/lib/server/sources/update-source";

export const dynamic = "force-dynamic";

export const GET = readRoute({ params: ZSourceParamsSchema }, async ({ workspace }, { params }) => json(await getSource(workspace.id, params.id)));

/** Edits the details or revises the text (`{ version, … }` → `{ source, reanchored? }`); 409 when stale. */
export const PATCH = mutationRoute(
  // JSON escaping can make the body larger than the text; the text itself is checked against 2 MB.
  { params: ZSourceParamsSchema, body: ZUpdateSourceSchema, action: "edit", maxBytes: MAX_SOURCE_TEXT_BYTES * 2 },
  async (ctx, { params, body }) => ({ status: 200, body: await updateSource(ctx, params.id, body) }),
);

/** Soft-deletes the source with its excerpts and evidence (undoable from the history). */
export const DELETE = mutationRoute({ params: ZSourceParamsSchema, body: ZDeleteSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await deleteSource(ctx, params.id, body.version),
}));
