import { z } from "zod";
import { json, route } from "@/lib/server/http";
import { getViewer } from "@/lib/server/viewer";
import { listWorkspaces } from "@/lib/server/workspaces/list-workspaces";

export const dynamic = "force-dynamic";

export const GET = route(z.object({}), async (request) => json(await listWorkspaces(await getViewer(request))));
