import { ZClaimParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { getClaim } from "@/lib/server/claims/get-claim";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export const GET = route(ZClaimParamsSchema, async (request, { slug, id }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return json(await getClaim(workspace.id, id));
});
