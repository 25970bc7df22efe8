import { z } from "zod";
import { ZCreateApiTokenSchema } from "@/lib/schemas/tokens";
import { createOwnToken } from "@/lib/server/auth/create-own-token";
import { listOwnTokens } from "@/lib/server/auth/list-own-tokens";
import { json, route } from "@/lib/server/http";
import { readJson } from "@/lib/server/request";
import { AppError } from "@/lib/errors/app-error";
import { getViewer, requireWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Your personal API tokens (names and dates only). */
export const GET = route(z.object({}), async (request) => {
  const viewer = await getViewer(request);
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to see your API tokens.");
  return json(await listOwnTokens(viewer));
});

/** Makes a token for scripts; the secret is in this answer only. */
export const POST = route(z.object({}), async (request) => {
  const viewer = await requireWriter(request);
  const { name } = await readJson(request, ZCreateApiTokenSchema, 4096);
  return json(await createOwnToken(viewer, name), { status: 201 });
});
