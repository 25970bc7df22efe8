import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZPollBallotSchema } from "@/lib/schemas/seminar";
import { mutationRoute } from "@/lib/server/http";
import { castBallot } from "@/lib/server/seminar/cast-vote";
import { getLiveSeminar } from "@/lib/server/seminar/get-seminar";

export const dynamic = "force-dynamic";

/** The caller's answer to the open poll (also their vote on its claim) → 200 with the session. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZPollBallotSchema, action: "comment" }, async (ctx, { body }) => {
  await castBallot(ctx, body.choice);
  return { status: 200, body: { session: await getLiveSeminar(ctx.workspace.id, ctx.viewer.userId, ctx.tx) } };
});
