import { parseOrThrow } from "@/lib/errors/app-error";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZMatrixQuerySchema, toMatrixFilter } from "@/lib/schemas/matrix";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

/**
 * The whole matrix, or a window of its rows with `?offset=&limit=` (total in `total`), filtered
 * with `?tag=&author=&stance=&controversy=split|one-sided` and ordered with `?sort=controversy`.
 */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const query = parseOrThrow(ZMatrixQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  const window = query.limit === undefined && query.offset === 0 ? undefined : { offset: query.offset, limit: query.limit ?? 1000 };
  return json(await getMatrix(workspace.id, window, toMatrixFilter(query)));
});
