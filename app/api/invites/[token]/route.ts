import { notFound } from "@/lib/errors/app-error";
import { json, route } from "@/lib/server/http";
import { ZInviteParamsSchema } from "@/lib/schemas/workspaces";
import { findInvite } from "@/lib/server/invites/accept-invite";

export const dynamic = "force-dynamic";

/** What an invite link offers: the workspace, the role, and whether it still works. */
export const GET = route(ZInviteParamsSchema, async (_request, { token }) => {
  const invite = await findInvite(token);
  if (!invite) throw notFound("Invite");
  return json(invite);
});
