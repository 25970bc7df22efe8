import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { listSeminars } from "@/lib/server/seminar/get-seminar-summary";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** The workspace's live and past sessions, newest first. */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return json({ sessions: await listSeminars(workspace.id) });
});
