import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { MATRIX_PAGE, ZMatrixQuerySchema, toMatrixFilter } from "@/lib/schemas/matrix";
import { json, readRoute } from "@/lib/server/http";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

/**
 * A page of the matrix's rows: the first 50 unless `?offset=&limit=` (up to 1,000) say otherwise,
 * or every row with `?limit=all`; `total` counts the rows, `next` is the offset of the next page
 * (null on the last). Filtered with `?tag=&author=&stance=&controversy=split|one-sided`, ordered
 * with `?sort=controversy`.
 */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, query: ZMatrixQuerySchema }, async ({ workspace }, { query }) => {
  const limit = query.limit === "all" ? null : (query.limit ?? MATRIX_PAGE);
  const window = limit === null ? (query.offset === 0 ? undefined : { offset: query.offset, limit: 1_000_000 }) : { offset: query.offset, limit };
  const matrix = await getMatrix(workspace.id, window, toMatrixFilter(query));
  const end = query.offset + matrix.claims.length;
  return json({ ...matrix, offset: query.offset, limit: query.limit ?? MATRIX_PAGE, next: end < matrix.total ? end : null });
});
