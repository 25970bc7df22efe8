import { parseOrThrow } from "@/lib/errors/app-error";
import { ZExportQuerySchema } from "@/lib/schemas/export";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { exportWorkspace } from "@/lib/server/export/export-workspace";
import { route, streamBody } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * `GET …/export?format=json|aif|argdown|annotations|csv|markdown|svg|png|pdf` (pictures:
 * `&view=matrix|graph`, the graph with `&claim=` or `&tag=`): the workspace as a file to download, streamed as it is made. `no-transform` keeps Next.js from gzipping it: at its
 * fixed (default) level that cost more CPU than making a large export (about 1 s for 40 MB of
 * JSON, doubling the time of the download on a local network); a proxy in front may compress.
 */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const url = new URL(request.url);
  const query = parseOrThrow(ZExportQuerySchema, Object.fromEntries(url.searchParams), "query");
  const file = await exportWorkspace(workspace, query, url.origin);
  return new Response(await streamBody(file.chunks), {
    headers: { "content-type": file.mediaType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store, no-transform" },
  });
});
