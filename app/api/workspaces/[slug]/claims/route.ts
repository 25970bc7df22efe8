import { ZCreateClaimSchema } from "@/lib/schemas/claims";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { createClaim } from "@/lib/server/claims/create-claim";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateClaimSchema, action: "edit" }, async (ctx, { body }) => ({
  status: 201,
  body: await createClaim(ctx, body),
}));
