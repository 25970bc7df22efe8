import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZOpenPollSchema, ZUpdatePollSchema } from "@/lib/schemas/seminar";
import { mutationRoute } from "@/lib/server/http";
import { openPoll, updatePoll } from "@/lib/server/seminar/control-seminar";
import { getLiveSeminar } from "@/lib/server/seminar/get-seminar";

export const dynamic = "force-dynamic";

/** Opens a poll on the spotlighted claim (or `claimId`) → 201 with the session. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZOpenPollSchema, action: "comment" }, async (ctx, { body }) => {
  await openPoll(ctx, body);
  return { status: 201, body: { session: await getLiveSeminar(ctx.workspace.id, ctx.viewer.userId, ctx.tx) } };
});

/** `{ action: "close" | "reveal" | "hide" }` → 200 with the session. */
export const PATCH = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZUpdatePollSchema, action: "comment" }, async (ctx, { body }) => {
  await updatePoll(ctx, body.action);
  return { status: 200, body: { session: await getLiveSeminar(ctx.workspace.id, ctx.viewer.userId, ctx.tx) } };
});
