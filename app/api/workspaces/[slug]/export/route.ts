import { ZExportQuerySchema } from "@/lib/schemas/export";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { exportWorkspace } from "@/lib/server/export/export-workspace";
import { callerKey } from "@/lib/server/client-address";
import { readRoute, streamBody } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/**
 * `GET …/export?format=json|aif|argdown|annotations|csv|markdown|svg|png|pdf` (pictures:
 * `&view=matrix|graph`, the graph with `&claim=` or `&tag=`): the workspace as a file to download, streamed as it is made. `no-transform` keeps Next.js from gzipping it: at its
 * fixed (default) level that cost more CPU than making a large export (about 1 s for 40 MB of
 * JSON, doubling the time of the download on a local network); a proxy in front may compress.
 */
export const GET = readRoute({ params: ZWorkspaceParamsSchema, query: ZExportQuerySchema }, async ({ viewer, workspace }, { query, request }) => {
  const file = await exportWorkspace(workspace, query, new URL(request.url).origin, callerKey(viewer, request));
  return new Response(await streamBody(file.chunks), {
    headers: { ...file.headers, "content-type": file.mediaType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store, no-transform" },
  });
});
