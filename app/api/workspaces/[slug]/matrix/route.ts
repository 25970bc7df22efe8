import { z } from "zod";
import { parseOrThrow } from "@/lib/errors/app-error";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";
import { getMatrix } from "@/lib/server/workspaces/get-matrix";

export const dynamic = "force-dynamic";

const ZWindowSchema = z
  .object({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).optional() })
  .transform((w) => (w.limit === undefined && w.offset === 0 ? undefined : { offset: w.offset, limit: w.limit ?? 1000 }));

/** The whole matrix, or a window of its rows with `?offset=&limit=` (total in `total`). */
export const GET = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const { workspace } = await authorize(await getViewer(request), slug, "read");
  const window = parseOrThrow(ZWindowSchema, Object.fromEntries(new URL(request.url).searchParams), "query");
  return json(await getMatrix(workspace.id, window));
});
