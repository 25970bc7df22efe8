import { parseOrThrow } from "@/lib/errors/app-error";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZCompareQuerySchema } from "@/lib/schemas/views";
import { getComparison } from "@/lib/server/compare/get-comparison";
import { json, readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * `?authors=<id>,<id>[,…]`: those authors' positions and quotes on every claim, grouped into
 * agree / disagree / differ / only-one / none, the author × author agreement of everyone, and the
 * room (the majority of the votes) against every author, as the caller may see it.
 */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ workspace, viewer, role }, { request }) => {
  // `authors` may come repeated (`?authors=a&authors=b`) as well as comma-separated.
  const searchParams = new URL(request.url).searchParams;
  const authors = searchParams.getAll("authors");
  const query = parseOrThrow(ZCompareQuerySchema, { authors: authors.length > 0 ? authors.join(",") : undefined }, "query");
  return json(await getComparison(workspace.id, query.authors, { viewer: { userId: viewer?.userId ?? null, role } }));
});
