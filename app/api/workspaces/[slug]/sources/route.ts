import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { idempotencyOf, json, route } from "@/lib/server/http";
import { mutate } from "@/lib/server/mutation";
import { createSource } from "@/lib/server/sources/create-source";
import { readSourceRequest } from "@/lib/server/sources/read-source-request";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * `POST …/sources`: JSON `{ title, author, published, …, text }`, JSON `{ url, … }`, or
 * `multipart/form-data` with `file` (pdf, html, txt, md) and `metadata` → 201 `{ id, authorId }`.
 * Who may add sources is checked before a file is read or an address fetched; the reading happens
 * before the change's transaction, so no transaction waits on a slow PDF or page.
 */
export const POST = route(ZWorkspaceParamsSchema, async (request, params) => {
  const viewer = await requireWriter(request);
  await authorize(viewer, params.slug, "edit");
  const { source, identity } = await readSourceRequest(request);
  const result = await mutate({ viewer, slug: params.slug, action: "edit", idempotency: idempotencyOf(request, identity) }, async (ctx) => ({
    status: 201,
    body: await createSource(ctx, source),
  }));
  return json(result.body, { status: result.status, headers: { "cache-control": "no-store, no-transform" } });
});
