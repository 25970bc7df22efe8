import { ZSourceParamsSchema } from "@/lib/schemas/params";
import { json, readRoute } from "@/lib/server/http";
import { getSource } from "@/lib/server/sources/get-source";

export const dynamic = "force-dynamic";

export const GET = readRoute({ params: ZSourceParamsSchema }, async ({ workspace }, { params }) => json(await getSource(workspace.id, params.id)));
