import { z } from "zod";
import { ZCreateWorkspaceSchema } from "@/lib/schemas/workspaces";
import { idempotencyOf, json, route } from "@/lib/server/http";
import { transact } from "@/lib/server/mutation";
import { readJson } from "@/lib/server/request";
import { getViewer, requireWriter } from "@/lib/server/viewer";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/server/workspaces/list-workspaces";

export const dynamic = "force-dynamic";

export const GET = route(z.object({}), async (request) => json(await listWorkspaces(await getViewer(request))));

export const POST = route(z.object({}), async (request) => {
  const viewer = await requireWriter(request);
  const body = await readJson(request, ZCreateWorkspaceSchema);
  const result = await transact({ viewer, idempotency: idempotencyOf(request, body) }, async (tx, record) => {
    const workspace = await createWorkspace(tx, viewer, body, record);
    return { status: 201, body: { slug: workspace.slug } };
  });
  return json(result.body, { status: result.status });
});
