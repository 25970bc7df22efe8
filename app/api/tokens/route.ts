import { z } from "zod";
import { ZCreateApiTokenSchema } from "@/lib/schemas/tokens";
import { createOwnToken } from "@/lib/server/auth/create-own-token";
import { listOwnTokens } from "@/lib/server/auth/list-own-tokens";
import { json, route } from "@/lib/server/http";
import { readJson } from "@/lib/server/request";
import { AppError } from "@/lib/errors/app-error";
import { getViewer, requireSessionWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/** Your personal API tokens (names and dates only). */
export const GET = route(z.object({}), async (request) => {
  const viewer = await getViewer(request);
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to see your API tokens.");
  return json(await listOwnTokens(viewer));
});

/**
 * Makes a token for scripts `{ name, scope?: "read" | "write", expiresInDays?: 1..366 (90) }`; the
 * secret is in this answer only. Signed in with the browser only: a token cannot make tokens.
 */
export const POST = route(z.object({}), async (request) => {
  const viewer = await requireSessionWriter(request);
  const input = await readJson(request, ZCreateApiTokenSchema, 4096);
  return json(await createOwnToken(viewer, input), { status: 201 });
});
