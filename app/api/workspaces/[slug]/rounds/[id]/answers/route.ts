import { ZPutAnswersSchema, ZRoundParamsSchema } from "@/lib/schemas/rounds";
import { mutationRoute } from "@/lib/server/http";
import { putAnswers } from "@/lib/server/rounds/put-answers";

export const dynamic = "force-dynamic";

/** `{ answers: [{ item, stance, voice?, reason? }] }` → `{ answered, items, finished }`: the caller's own; 423 after close. */
export const PUT = mutationRoute({ params: ZRoundParamsSchema, body: ZPutAnswersSchema, action: "comment" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await putAnswers(ctx, params.id, body),
}));
