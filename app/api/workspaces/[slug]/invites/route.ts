import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZCreateInviteSchema } from "@/lib/schemas/workspaces";
import { mutationRoute } from "@/lib/server/http";
import { createInvite } from "@/lib/server/invites/create-invite";

export const dynamic = "force-dynamic";

/** Owners create invite links: POST { role, expiresInHours?, maxUses? } → 201 { token, path, … }. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateInviteSchema, action: "admin" }, async (ctx, { body }) => ({
  status: 201,
  body: await createInvite(ctx, body),
}));
