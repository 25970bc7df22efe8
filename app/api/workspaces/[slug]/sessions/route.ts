import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { json, readRoute } from "@/lib/server/http";
import { listSeminars } from "@/lib/server/seminar/get-seminar-summary";

export const dynamic = "force-dynamic";

/** The workspace's live and past sessions, newest first. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ workspace }) => json({ sessions: await listSeminars(workspace.id) }));
