import { ZDeleteSchema } from "@/lib/schemas/claims";
import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { deleteExcerpt } from "@/lib/server/excerpts/delete-excerpt";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const DELETE = mutationRoute({ params: ZEntityParamsSchema, body: ZDeleteSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await deleteExcerpt(ctx, params.id, body.version),
}));
