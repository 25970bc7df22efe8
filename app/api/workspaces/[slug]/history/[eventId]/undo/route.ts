import { z } from "zod";
import { ZSlugSchema } from "@/lib/schemas/params";
import { undoEvent } from "@/lib/server/history/undo-event";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const ZParams = z.object({ slug: ZSlugSchema, eventId: z.string().regex(/^\d{1,19}$/, "Not a valid event id") });

/** Undoes one change (own changes; owners: anyone's). 409 if the item changed since. */
export const POST = mutationRoute({ params: ZParams, body: z.strictObject({}), action: "edit" }, async (ctx, { params }) => ({
  status: 200,
  body: await undoEvent(ctx, BigInt(params.eventId)),
}));
