import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { ZIdSchema } from "@/lib/schemas/params";
import { revokeApiToken } from "@/lib/server/auth/api-tokens";
import { json, route } from "@/lib/server/http";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Revokes one of your tokens at once: scripts using it get 401 from then on. */
export const DELETE = route(z.object({ id: ZIdSchema }), async (request, { id }) => {
  const viewer = await requireWriter(request);
  if (!(await revokeApiToken(db(), viewer.userId, id))) throw notFound("Token");
  return json({ revoked: id });
});
