import { openEventStream } from "@/lib/realtime/event-stream";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { callerKey } from "@/lib/server/client-address";
import { readRoute } from "@/lib/server/http";
import { admitStream } from "@/lib/server/stream-limits";

export const dynamic = "force-dynamic";

/** Live changes of a workspace as Server-Sent Events, for anyone who may read it (a capped number per caller). */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, scope: "round" }, async ({ viewer, workspace }, { request }) => {
  const end = admitStream(callerKey(viewer, request));
  try {
    return await openEventStream(request, workspace.id, { onClose: end });
  } catch (error) {
    end();
    throw error;
  }
});
