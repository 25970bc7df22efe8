import { parseOrThrow } from "@/lib/errors/app-error";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZSearchQuerySchema } from "@/lib/schemas/search";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { searchWorkspace } from "@/lib/server/search/search-workspace";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** `?q=` (1–200 characters; "phrases", or, -word), `kind=` one group only, `limit=` per group (1–50). */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const query = parseOrThrow(ZSearchQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return json(await searchWorkspace(workspace.id, query));
});
