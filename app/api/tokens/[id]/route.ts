import { z } from "zod";
import { ZIdSchema } from "@/lib/schemas/params";
import { revokeOwnToken } from "@/lib/server/auth/revoke-own-token";
import { json, route } from "@/lib/server/http";
import { requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Revokes one of your tokens at once: scripts using it get 401 from then on. */
export const DELETE = route(z.object({ id: ZIdSchema }), async (request, { id }) => {
  const viewer = await requireWriter(request);
  await revokeOwnToken(viewer, id);
  return json({ revoked: id });
});
