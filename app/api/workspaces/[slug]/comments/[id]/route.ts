import { ZDeleteCommentSchema, ZUpdateCommentSchema } from "@/lib/schemas/comments";
import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { updateComment } from "@/lib/server/comments/update-comment";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const PATCH = mutationRoute({ params: ZEntityParamsSchema, body: ZUpdateCommentSchema, action: "comment" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await updateComment(ctx, params.id, body),
}));

export const DELETE = mutationRoute({ params: ZEntityParamsSchema, body: ZDeleteCommentSchema, action: "comment" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await deleteComment(ctx, params.id, body.version),
}));
