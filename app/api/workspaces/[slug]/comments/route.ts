import { ZCommentQuerySchema, ZCreateCommentSchema } from "@/lib/schemas/comments";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { createComment } from "@/lib/server/comments/create-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { json, mutationRoute, readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** The threads on one target: `?claimId=`, `?excerptId=` or `?evidenceId=`. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, query: ZCommentQuerySchema }, async ({ viewer, workspace, role }, { query }) =>
  json(await listComments(workspace.id, query, { userId: viewer?.userId ?? null, role })),
);

export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateCommentSchema, action: "comment" }, async (ctx, { body }) => ({
  status: 201,
  body: await createComment(ctx, body),
}));
