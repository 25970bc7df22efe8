import { ZReattachExcerptSchema } from "@/lib/schemas/excerpts";
import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { reattachExcerpt } from "@/lib/server/excerpts/reattach-excerpt";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Places an orphaned excerpt on a passage of the current text (`{ version, selector: { start, end, exact } }`). */
export const POST = mutationRoute({ params: ZEntityParamsSchema, body: ZReattachExcerptSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await reattachExcerpt(ctx, params.id, body),
}));
