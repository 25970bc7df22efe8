import { ZWorkspaceParamsSchema } from "@/lib/schemas/params";
import { listAuthors } from "@/lib/server/authors/list-authors";
import { json, readRoute } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** The workspace's authors with their live source counts (merged authors left out). */
export const GET = readRoute({ params: ZWorkspaceParamsSchema }, async ({ workspace }) => json(await listAuthors(workspace.id)));
