import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { ZDeleteWorkspaceSchema, ZUpdateWorkspaceSchema } from "@/lib/schemas/workspaces";
import { json, mutationRoute, readRoute } from "@/lib/server/http";
import { deleteWorkspace } from "@/lib/server/workspaces/delete-workspace";
import { getWorkspaceSettings } from "@/lib/server/workspaces/get-workspace-settings";
import { updateWorkspace } from "@/lib/server/workspaces/update-workspace";

export const dynamic = "force-dynamic";

/** The workspace's settings and the caller's role: `{ slug, title, description, visibility, version, role }`. */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ workspace, role }) => json(await getWorkspaceSettings(workspace, role)));

/** Owners change `{ version, title?, description?, visibility?, slug? }`; 409 when the version is stale. */
export const PATCH = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZUpdateWorkspaceSchema, action: "admin" }, (ctx, { body }) => updateWorkspace(ctx, body));

/** Owners delete it `{ confirm: "<title>" }`: kept 30 days, restorable, then purged. */
export const DELETE = mutationRoute({ params: ZWorkspaceParamsSchema, body: ZDeleteWorkspaceSchema, action: "admin" }, (ctx, { body }) => deleteWorkspace(ctx, body.confirm));
