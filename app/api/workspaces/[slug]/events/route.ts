import { openEventStream } from "@/lib/realtime/event-stream";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Live changes of a workspace as Server-Sent Events, for anyone who may read it. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ workspace }, { request }) => openEventStream(request, workspace.id));
