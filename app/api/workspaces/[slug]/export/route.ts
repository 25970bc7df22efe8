import { z } from "zod";
import { parseOrThrow } from "@/lib/errors/app-error";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, exportFileName } from "@/lib/export/formats";
import { serialiseNativeDocument } from "@/lib/export/json/serialise-native-document";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { readNativeDocument } from "@/lib/server/export/read-native-document";
import { route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

const ZExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMAT_NAMES as [string, ...string[]], { error: `format must be one of ${EXPORT_FORMAT_NAMES.join(", ")}` }),
});

/** `GET …/export?format=…`: the workspace as a file to download (streamed). */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const { format } = parseOrThrow(ZExportQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  const document = await readNativeDocument(workspace.id);
  const encoder = new TextEncoder();
  const chunks = serialiseNativeDocument(document);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const spec = EXPORT_FORMATS[format as keyof typeof EXPORT_FORMATS];
  return new Response(body, {
    headers: {
      "content-type": spec.mediaType,
      "content-disposition": `attachment; filename="${exportFileName(workspace.slug, format as keyof typeof EXPORT_FORMATS)}"`,
      "cache-control": "no-store",
    },
  });
});
