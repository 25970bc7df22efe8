import { ZDeleteSchema, ZUpdateClaimSchema } from "@/lib/schemas/claims";
import { ZClaimParamsSchema } from "@/lib/schemas/params";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getRoomVotes } from "@/lib/server/seminar/room-votes";
import { json, mutationRoute, readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const GET = readRoute({ params: ZClaimParamsSchema }, async ({ viewer, workspace, role }, { params: { id } }) => {
  const claim = await getClaim(workspace.id, id, { userId: viewer?.userId ?? null, role });
  return json({ ...claim, votes: await getRoomVotes(id, viewer?.userId ?? null) });
});

export const PATCH = mutationRoute({ params: ZClaimParamsSchema, body: ZUpdateClaimSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await updateClaim(ctx, params.id, body),
}));

export const DELETE = mutationRoute({ params: ZClaimParamsSchema, body: ZDeleteSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await deleteClaim(ctx, params.id, body.version),
}));
