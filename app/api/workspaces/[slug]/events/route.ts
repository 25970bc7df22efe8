import { openEventStream } from "@/lib/realtime/event-stream";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { callerKey } from "@/lib/server/client-address";
import { readRoute } from "@/lib/server/http";
import { admitStream } from "@/lib/server/stream-limits";
import { checkReadAccess } from "@/lib/server/workspaces/check-read-access";

export const dynamic = "force-dynamic";

/** Live changes of a workspace as Server-Sent Events, for anyone who may read it (a capped number per caller). */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, scope: "round" }, async ({ viewer, workspace, role }, { request }) => {
  const end = admitStream(callerKey(viewer, request));
  // Access is checked again whenever a change may have altered it: a removed member's stream ends at once.
  const check = () => checkReadAccess(viewer, workspace.id);
  try {
    return await openEventStream(request, workspace.id, { onClose: end, access: { role, check, userId: viewer?.userId ?? null, expiresAt: viewer?.credential?.expiresAt ?? null } });
  } catch (error) {
    end();
    throw error;
  }
});
