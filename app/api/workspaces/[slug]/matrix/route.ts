import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZMatrixQuerySchema, toMatrixFilter } from "@/lib/schemas/matrix";
import { json, readRoute } from "@/lib/server/http";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

/**
 * The whole matrix, or a window of its rows with `?offset=&limit=` (total in `total`), filtered
 * with `?tag=&author=&stance=&controversy=split|one-sided` and ordered with `?sort=controversy`.
 */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, query: ZMatrixQuerySchema }, async ({ workspace }, { query }) => {
  const window = query.limit === undefined && query.offset === 0 ? undefined : { offset: query.offset, limit: query.limit ?? 1000 };
  return json(await getMatrix(workspace.id, window, toMatrixFilter(query)));
});
