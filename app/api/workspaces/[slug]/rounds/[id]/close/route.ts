import { z } from "zod";
import { ZRoundParamsSchema } from "@/lib/schemas/rounds";
import { mutationRoute } from "@/lib/server/http";
import { closeRound } from "@/lib/server/rounds/close-round";

export const dynamic = "force-dynamic";

/** Closes the round and reveals it: its facilitator or an owner. */
export const POST = mutationRoute({ params: ZRoundParamsSchema, body: z.strictObject({}), action: "edit" }, async (ctx, { params }) => ({
  status: 200,
  body: await closeRound(ctx, params.id),
}));
