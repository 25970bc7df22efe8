import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { ZIdSchema, ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { listEvents } from "@/lib/server/history/list-events";
import { json, readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  entityId: ZIdSchema.optional(),
  before: z.string().regex(/^\d{1,19}$/, "before must be an event id").optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** The change log of a workspace (or of one claim or excerpt), newest first. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ viewer, workspace, role }, { request }) => {
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("BAD_REQUEST", "Invalid query: " + query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const { before, ...rest } = query.data;
  return json(await listEvents(workspace.id, viewer, role, { ...rest, before: before ? BigInt(before) : undefined }));
});
