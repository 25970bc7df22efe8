import { ZRoundParamsSchema } from "@/lib/schemas/rounds";
import { json, readRoute } from "@/lib/server/http";
import { getRound } from "@/lib/server/rounds/get-round";

export const dynamic = "force-dynamic";

/** The round as the caller may see it: items (passage and claim), own answers, progress or the reveal. */
export const GET = readRoute({ params: ZRoundParamsSchema, scope: "round" }, async ({ viewer, workspace, role }, { params }) =>
  json(await getRound(workspace.id, params.id, { userId: viewer?.userId ?? null, role })),
);
