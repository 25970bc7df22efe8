import { json, route } from "@/lib/server/http";
import { acceptInvite } from "@/lib/server/invites/accept-invite";
import { requireWriter } from "@/lib/server/viewer";
import { ZInviteParamsSchema } from "@/lib/schemas/workspaces";

export const dynamic = "force-dynamic";

/** Joins the invite's workspace with its role (signed in). */
export const POST = route(ZInviteParamsSchema, async (request, { token }) => {
  const result = await acceptInvite(await requireWriter(request), token);
  return json(result.body, { status: result.status });
});
