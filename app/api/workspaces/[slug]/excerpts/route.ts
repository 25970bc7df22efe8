import { ZCreateExcerptSchema } from "@/lib/schemas/excerpts";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { createExcerpt, createExcerptAtOnce } from "@/lib/server/excerpts/create-excerpt";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = mutationRoute(
  { params: ZWorkspaceParamsSchema, body: ZCreateExcerptSchema, action: "edit", atOnce: (ctx, { body }) => createExcerptAtOnce(ctx, body) },
  async (ctx, { body }) => ({ status: 201, body: await createExcerpt(ctx, body) }),
);
