import { openEventStream } from "@/lib/realtime/event-stream";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Live changes of a workspace as Server-Sent Events, for anyone who may read it. */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return openEventStream(request, workspace.id);
});
