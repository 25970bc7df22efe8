import { ZAdoptMajoritySchema, ZRoundParamsSchema } from "@/lib/schemas/rounds";
import { mutationRoute } from "@/lib/server/http";
import { adoptMajority } from "@/lib/server/rounds/adopt-majority";

export const dynamic = "force-dynamic";

/** `{ item }` → the item's majority answer made the map's evidence (undoable in the history). */
export const POST = mutationRoute({ params: ZRoundParamsSchema, body: ZAdoptMajoritySchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await adoptMajority(ctx, params.id, body.item),
}));
