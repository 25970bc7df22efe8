import { ZCreateLinkSchema } from "@/lib/schemas/claims";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { mutationRoute } from "@/lib/server/http";
import { createLink } from "@/lib/server/links/create-link";

export const dynamic = "force-dynamic";

export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZCreateLinkSchema, action: "edit" }, async (ctx, { body }) => ({
  status: 201,
  body: await createLink(ctx, body),
}));
