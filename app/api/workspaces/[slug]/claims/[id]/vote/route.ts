import { ZClaimParamsSchema } from "@/lib/schemas/params";
import { ZCastVoteSchema } from "@/lib/schemas/seminar";
import { json, mutationRoute, readRoute } from "@/lib/server/http";
import { castVote, withdrawVote } from "@/lib/server/seminar/cast-vote";
import { getClaimVotes } from "@/lib/server/seminar/room-votes";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** The room's votes on the claim and the caller's own: `{ tally, mine }`. */
export const GET = readRoute({ params: ZClaimParamsSchema }, async ({ viewer, workspace }, { params }) => json(await getClaimVotes(workspace.id, params.id, viewer?.userId ?? null)));

/** `{ choice: "AGREE" | "DISAGREE" | "UNSURE" }` → the caller's vote, set or changed. */
export const PUT = mutationRoute({ params: ZClaimParamsSchema, body: ZCastVoteSchema, action: "comment" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await castVote(ctx, params.id, body.choice),
}));

/** Withdraws the caller's vote. */
export const DELETE = mutationRoute({ params: ZClaimParamsSchema, body: z.strictObject({}), action: "comment" }, async (ctx, { params }) => ({
  status: 200,
  body: await withdrawVote(ctx, params.id),
}));
