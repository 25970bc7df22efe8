import { ZDeleteSchema } from "@/lib/schemas/claims";
import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { mutationRoute } from "@/lib/server/http";
import { deleteLink } from "@/lib/server/links/delete-link";

export const dynamic = "force-dynamic";

export const DELETE = mutationRoute({ params: ZEntityParamsSchema, body: ZDeleteSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await deleteLink(ctx, params.id, body.version),
}));
