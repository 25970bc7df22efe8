import { ZReorderClaimsSchema } from "@/lib/schemas/claims";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { reorderClaims } from "@/lib/server/claims/reorder-claims";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const PUT = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZReorderClaimsSchema, action: "edit" }, async (ctx, { body }) => ({
  status: 200,
  body: await reorderClaims(ctx, body.order),
}));
