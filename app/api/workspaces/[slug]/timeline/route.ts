import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZTimelineQuerySchema } from "@/lib/schemas/views";
import { json, readRoute } from "@/lib/server/http";
import { getTimeline } from "@/lib/server/timeline/get-timeline";

export const dynamic = "force-dynamic";

/**
 * Every source's stance on each claim at its publication date: `?claim=<id>` for one claim,
 * `?offset=&limit=` for a window of claims (total in `total`).
 */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, query: ZTimelineQuerySchema }, async ({ workspace }, { query }) => json(await getTimeline(workspace.id, query)));
