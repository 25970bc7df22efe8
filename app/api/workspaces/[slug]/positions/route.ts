import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZClearPositionSchema, ZSetPositionSchema } from "@/lib/schemas/positions";
import { mutationRoute } from "@/lib/server/http";
import { clearPosition, setPosition } from "@/lib/server/positions/set-position";

export const dynamic = "force-dynamic";

export const PUT = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZSetPositionSchema, action: "edit" }, async (ctx, { body }) => ({
  status: 200,
  body: await setPosition(ctx, body),
}));

export const DELETE = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZClearPositionSchema, action: "edit" }, async (ctx, { body }) => ({
  status: 200,
  body: await clearPosition(ctx, body),
}));
