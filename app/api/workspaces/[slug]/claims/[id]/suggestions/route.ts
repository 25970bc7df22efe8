import { ZClaimParamsSchema } from "@/lib/schemas/params";
import { ZSuggestionsQuerySchema } from "@/lib/schemas/search";
import { suggestPassages } from "@/lib/server/claims/suggest-passages";
import { json, readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** For each author silent on the claim, the passages of their sources most related to it. */
export const GET = readRoute({ params: ZClaimParamsSchema, query: ZSuggestionsQuerySchema }, async ({ workspace }, { params, query }) =>
  json(await suggestPassages(workspace.id, params.id, { perAuthor: query.perAuthor })),
);
