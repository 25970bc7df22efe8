import { ZRoundExportQuerySchema, ZRoundParamsSchema } from "@/lib/schemas/rounds";
import { readRoute } from "@/lib/server/http";
import { exportRound } from "@/lib/server/rounds/export-round";

export const dynamic = "force-dynamic";

/** `?format=csv` the answers in long form, `?format=json` the statistics; participants after close. */
export const GET = readRoute({ params: ZRoundParamsSchema, query: ZRoundExportQuerySchema, scope: "round" }, async ({ viewer, workspace, role }, { params, query }) => {
  const file = await exportRound(workspace.id, params.id, query.format, { userId: viewer?.userId ?? null, role });
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});
