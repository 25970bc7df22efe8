import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { MAX_SOURCE_TEXT_BYTES, ZCreateSourceSchema } from "@/lib/schemas/sources";
import { mutationRoute } from "@/lib/server/http";
import { createSource } from "@/lib/server/sources/create-source";

export const dynamic = "force-dynamic";

export const POST = mutationRoute(
  // JSON escaping can make the body larger than the text; the text itself is checked against 2 MB.
  { params: ZWorkspaceParamsSchema, body: ZCreateSourceSchema, action: "edit", maxBytes: MAX_SOURCE_TEXT_BYTES * 2 },
  async (ctx, { body }) => ({ status: 201, body: await createSource(ctx, body) }),
);
