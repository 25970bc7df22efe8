import { parseOrThrow } from "@/lib/errors/app-error";
import { ZCommentQuerySchema, ZCreateCommentSchema } from "@/lib/schemas/comments";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { createComment } from "@/lib/server/comments/create-comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { json, mutationRoute, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** The threads on one target: `?claimId=`, `?excerptId=` or `?evidenceId=`. */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const viewer = await getViewer(request);
  const { workspace, role } = await authorize(viewer, slug, "read");
  const target = parseOrThrow(ZCommentQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return json(await listComments(workspace.id, target, { userId: viewer?.userId ?? null, role }));
});

export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateCommentSchema, action: "comment" }, async (ctx, { body }) => ({
  status: 201,
  body: await createComment(ctx, body),
}));
