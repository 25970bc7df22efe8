import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZTransferSchema } from "@/lib/schemas/workspaces";
import { mutationRoute } from "@/lib/server/http";
import { transferOwnership } from "@/lib/server/members/transfer-ownership";

export const dynamic = "force-dynamic";

/** An owner hands the workspace to another member `{ userId }`: they become owner, the caller an editor. */
export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZTransferSchema, action: "admin" }, (ctx, { body }) => transferOwnership(ctx, body.userId));
