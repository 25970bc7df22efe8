import { parseOrThrow } from "@/lib/errors/app-error";
import { ZClaimParamsSchema } from "@/lib/schemas/params";
import { ZSuggestionsQuerySchema } from "@/lib/schemas/search";
import { authorize } from "@/lib/server/authorize";
import { suggestPassages } from "@/lib/server/claims/suggest-passages";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** For each author silent on the claim, the passages of their sources most related to it. */
export const GET = route(ZClaimParamsSchema, async (request, { slug, id }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const { perAuthor } = parseOrThrow(ZSuggestionsQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return json(await suggestPassages(workspace.id, id, { perAuthor }));
});
