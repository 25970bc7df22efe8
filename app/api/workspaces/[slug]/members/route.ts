import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { listWorkspaceMembers } from "@/lib/server/members/list-workspace-members";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Owners see the members: `{ members: [{ user: { id, name, email }, role, joinedAt }] }`. */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "admin");
  return json({ members: await listWorkspaceMembers(workspace.id) });
});
