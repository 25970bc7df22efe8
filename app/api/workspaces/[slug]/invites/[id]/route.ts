import { z } from "zod";
import { ZInviteIdParamsSchema } from "@/lib/schemas/workspaces";
import { mutationRoute } from "@/lib/server/http";
import { revokeInvite } from "@/lib/server/invites/revoke-invite";

export const dynamic = "force-dynamic";

/** Owners withdraw an invite link: from then on it answers 410 and admits nobody. */
export const DELETE = mutationRoute({ params: ZInviteIdParamsSchema, body: z.strictObject({}), action: "admin" }, (ctx, { params }) => revokeInvite(ctx, params.id));
