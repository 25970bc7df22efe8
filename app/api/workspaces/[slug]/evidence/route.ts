import { ZAddEvidenceSchema } from "@/lib/schemas/excerpts";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { addEvidence } from "@/lib/server/evidence/add-evidence";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const POST = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZAddEvidenceSchema, action: "edit" }, async (ctx, { body }) => ({
  status: 201,
  body: await addEvidence(ctx, body),
}));
