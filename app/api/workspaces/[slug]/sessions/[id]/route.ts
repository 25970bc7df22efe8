import { ZEntityParamsSchema } from "@/lib/schemas/params";
import { json, readRoute } from "@/lib/server/http";
import { getSeminarRecord } from "@/lib/server/seminar/get-seminar-summary";

export const dynamic = "force-dynamic";

/** One session with its summary (null while it is live). */
export const GET = readRoute({ params: ZEntityParamsSchema }, async ({ workspace }, { params }) => json(await getSeminarRecord(workspace.id, params.id)));
