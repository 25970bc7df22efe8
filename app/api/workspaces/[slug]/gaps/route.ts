import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";
import { findGaps } from "@/lib/server/workspaces/find-gaps";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

/** Where the map is thin: claims resting on one source or none, silent authors, uncited excerpts. */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return json(await findGaps(workspace.id, await getMatrix(workspace.id)));
});
