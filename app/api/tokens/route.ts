import { z } from "zod";
import { db } from "@/lib/db/client";
import { ZCreateApiTokenSchema } from "@/lib/schemas/tokens";
import { createApiToken, listApiTokens } from "@/lib/server/auth/api-tokens";
import { json, route } from "@/lib/server/http";
import { readJson } from "@/lib/server/request";
import { AppError } from "@/lib/errors/app-error";
import { getViewer, requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Your personal API tokens (names and dates only). */
export const GET = route(z.object({}), async (request) => {
  const viewer = await getViewer(request);
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to see your API tokens.");
  return json(await listApiTokens(db(), viewer.userId));
});

/** Makes a token for scripts; the secret is in this answer only. */
export const POST = route(z.object({}), async (request) => {
  const viewer = await requireWriter(request);
  const { name } = await readJson(request, ZCreateApiTokenSchema, 4096);
  const created = await createApiToken(db(), viewer.userId, name);
  return json({ ...created, name }, { status: 201 });
});
