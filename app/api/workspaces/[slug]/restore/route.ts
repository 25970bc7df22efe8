import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { json, route } from "@/lib/server/http";
import { requireWriter } from "@/lib/server/viewer";
import { restoreWorkspace } from "@/lib/server/workspaces/restore-workspace";

export const dynamic = "force-dynamic";

/** An owner brings back a workspace deleted less than 30 days ago; to anyone else it is not found. */
export const POST = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const result = await restoreWorkspace(await requireWriter(request), slug);
  return json(result.body, { status: result.status });
});
