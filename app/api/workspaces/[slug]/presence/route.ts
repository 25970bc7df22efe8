import { z } from "zod";
import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { authorize } from "@/lib/server/authorize";
import { json, route } from "@/lib/server/http";
import { readJson } from "@/lib/server/request";
import { requireWriter } from "@/lib/server/viewer";
import { reportPresence } from "@/lib/server/workspaces/report-presence";

export const dynamic = "force-dynamic";

const ZPresenceSchema = z.strictObject({
  clientId: z.string().min(8).max(64),
  view: z.enum(["home", "matrix", "claim", "source", "graph", "compare", "timeline", "history", "present", "other"]),
  targetId: z.uuid().nullable().optional(),
  leaving: z.boolean().optional(),
});

/** A signed-in reader says where they are (every 20 s, and when they move or leave). */
export const POST = route(ZWorkspaceParamsSchema, async (request, { slug }) => {
  const viewer = await requireWriter(request);
  const { workspace } = await authorize(viewer, slug, "read");
  await reportPresence(viewer, workspace.id, await readJson(request, ZPresenceSchema, 4096));
  return json({ ok: true });
});
