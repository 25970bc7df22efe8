import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getSeminarRecord } from "@/lib/server/seminar/get-seminar-summary";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** One session with its summary (null while it is live). */
export const GET = route(ZEntityParamsSchema, async (request, { slug, id }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  return json(await getSeminarRecord(workspace.id, id));
});
