import { ZChangeRoleSchema, ZMemberParamsSchema } from "@/lib/schemas/workspaces";
import { z } from "zod";
import { mutationRoute } from "@/lib/server/http";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";

export const dynamic = "force-dynamic";

/** Owners change a member's role `{ role }`; the last owner cannot be given another (409). */
export const PATCH = mutationRoute({ params: ZMemberParamsSchema, body: ZChangeRoleSchema, action: "admin" }, (ctx, { params, body }) => changeMemberRole(ctx, params.userId, body.role));

/** Owners remove a member; any member removes themselves (leaves). The last owner cannot (409). */
export const DELETE = mutationRoute({ params: ZMemberParamsSchema, body: z.strictObject({}), action: "read" }, (ctx, { params }) => removeMember(ctx, params.userId));
