import { ZDeleteSchema } from "@/lib/schemas/claims";
import { ZUpdateEvidenceSchema } from "@/lib/schemas/excerpts";
import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";
import { mutationRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export const PATCH = mutationRoute({ params: ZEntityParamsSchema, body: ZUpdateEvidenceSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await updateEvidence(ctx, params.id, body),
}));

export const DELETE = mutationRoute({ params: ZEntityParamsSchema, body: ZDeleteSchema, action: "edit" }, async (ctx, { params, body }) => ({
  status: 200,
  body: await deleteEvidence(ctx, params.id, body.version),
}));
