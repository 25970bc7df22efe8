import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZSearchQuerySchema } from "@/lib/schemas/search";
import { json, readRoute } from "@/lib/server/http";
import { searchWorkspace } from "@/lib/server/search/search-workspace";

export const dynamic = "force-dynamic";

/** `?q=` (1–200 characters; "phrases", or, -word), `kind=` one group only, `limit=` per group (1–50). */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, query: ZSearchQuerySchema }, async ({ workspace }, { query }) => json(await searchWorkspace(workspace.id, query)));
