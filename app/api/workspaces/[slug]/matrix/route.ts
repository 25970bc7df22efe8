import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return json(await getMatrix(workspace.id));
});
