import { parseOrThrow } from "@/lib/errors/app-error";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZTimelineQuerySchema } from "@/lib/schemas/views";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * Every source's stance on each claim at its publication date: `?claim=<id>` for one claim,
 * `?offset=&limit=` for a window of claims (total in `total`).
 */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const query = parseOrThrow(ZTimelineQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return json(await getTimeline(workspace.id, query));
});
