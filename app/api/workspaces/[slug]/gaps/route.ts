import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { json, readRoute } from "@/lib/server/http";
import { findGaps } from "@/lib/server/workspaces/find-gaps";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

/** Where the map is thin: claims resting on one source or none, silent authors, uncited excerpts. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ workspace }) => json(await findGaps(workspace.id, await getMatrix(workspace.id))));
