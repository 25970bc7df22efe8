import { ZResolveCommentSchema } from "@/lib/schemas/comments";
import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { resolveComment } from "@/lib/server/comments/resolve-comment";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Resolves (`{ version, resolved: true }`) or reopens (`resolved: false`) a thread. */
export const POST = mutationRoute({ params: ZEntityParamsSchema, body: ZResolveCommentSchema, action: "comment" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await resolveComment(ctx, params.id, body),
}));
