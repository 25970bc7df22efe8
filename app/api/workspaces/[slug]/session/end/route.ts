import { z } from "zod";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { mutationRoute } from "@/lib/server/http";
import { endSeminar } from "@/lib/server/seminar/end-seminar";

export const dynamic = "force-dynamic";

/** Ends the live session → `{ id, summary }`. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: z.strictObject({}), action: "comment" }, async (ctx) => ({
  status: 200,
  body: await endSeminar(ctx),
}));
