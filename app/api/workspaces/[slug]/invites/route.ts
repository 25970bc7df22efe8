import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZCreateInviteSchema } from "@/lib/schemas/workspaces";
import { authorize } from "@/lib/server/authorize";
import { json, mutationRoute, route } from "@/lib/server/http";
import { createInvite } from "@/lib/server/invites/create-invite";
import { listInvites } from "@/lib/server/invites/list-invites";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Owners see the open invite links: `{ invites: [{ id, role, uses, maxUses, expiresAt, emailDomain, createdBy }] }`. */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "admin");
  return json({ invites: await listInvites(workspace.id) });
});

/** Owners create invite links: POST { role, expiresInHours?, maxUses?, emailDomain? } → 201 { id, token, path, … }. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateInviteSchema, action: "admin" }, async (ctx, { body }) => ({
  status: 201,
  body: await createInvite(ctx, body),
}));
