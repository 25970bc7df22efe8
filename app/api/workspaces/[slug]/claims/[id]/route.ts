import { ZDeleteSchema, ZUpdateClaimSchema } from "@/lib/schemas/claims";
import { ZClaimParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { getRoomVotes } from "@/lib/server/seminar/room-votes";
import { json, mutationRoute, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export const GET = route(ZClaimParamsSchema, async (request, { slug, id }) => {
  const viewer = await getViewer(request);
  const { workspace, role } = await authorize(viewer, slug, "read");
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
