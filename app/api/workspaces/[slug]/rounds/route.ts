import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZCreateRoundSchema } from "@/lib/schemas/rounds";
import { json, mutationRoute, readRoute } from "@/lib/server/http";
import { createRound } from "@/lib/server/rounds/create-round";
import { listRounds } from "@/lib/server/rounds/list-rounds";

export const dynamic = "force-dynamic";

/** The workspace's coding rounds: `{ rounds: [{ id, title, createdAt, closedAt, items }] }`. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, scope: "round" }, async ({ workspace }) => json({ rounds: await listRounds(workspace.id) }));

/** `{ title, items: [{ excerptId, claimId }], askVoice? }` → 201 `{ id }`; owners and editors. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateRoundSchema, action: "edit" }, async (ctx, { body }) => ({ status: 201, body: await createRound(ctx, body) }));
