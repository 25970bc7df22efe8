import { ZSourceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getSource } from "@/lib/server/sources/get-source";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export const GET = route(ZSourceParamsSchema, async (request, { slug, id }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return json(await getSource(workspace.id, id));
});
