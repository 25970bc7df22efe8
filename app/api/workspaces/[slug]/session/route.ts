import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZStartSeminarSchema, ZSteerSeminarSchema } from "@/lib/schemas/seminar";
import { json, mutationRoute, readRoute } from "@/lib/server/http";
import { startSeminar, steerSeminar } from "@/lib/server/seminar/control-seminar";
import { getLiveSeminar } from "@/lib/server/seminar/get-seminar";

export const dynamic = "force-dynamic";

/** The live session as the caller sees it (`{ session: null }` when none is running). */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, scope: "round" }, async ({ viewer, workspace }) => json({ session: await getLiveSeminar(workspace.id, viewer?.userId ?? null) }));

// Session controls check their own rules (owners and editors start; the facilitator steers), so
// they pass authorization as "comment": the editing lock must not stop its own facilitator.
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZStartSeminarSchema, action: "comment" }, async (ctx, { body }) => {
  await startSeminar(ctx, body);
  return { status: 201, body: { session: await getLiveSeminar(ctx.workspace.id, ctx.viewer.userId, ctx.tx) } };
});

export const PATCH = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZSteerSeminarSchema, action: "comment" }, async (ctx, { body }) => {
  await steerSeminar(ctx, body);
  return { status: 200, body: { session: await getLiveSeminar(ctx.workspace.id, ctx.viewer.userId, ctx.tx) } };
});
