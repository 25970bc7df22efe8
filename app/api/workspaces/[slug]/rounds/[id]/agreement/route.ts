import { ZRoundParamsSchema } from "@/lib/schemas/rounds";
import { json, readRoute } from "@/lib/server/http";
import { getRoundAgreement } from "@/lib/server/rounds/get-round-agreement";

export const dynamic = "force-dynamic";

/** `{ alpha, coders, items: [{ item, answers, key }], participants: [{ pseudonym, answered, kappaWithKey, agreementWithMajority }] }`; 403 for participants before close. */
export const GET = readRoute({ params: ZRoundParamsSchema, scope: "round" }, async ({ viewer, workspace, role }, { params }) =>
  json(await getRoundAgreement(workspace.id, params.id, { userId: viewer?.userId ?? null, role })),
);
