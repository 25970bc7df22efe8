import { z } from "zod";
import { ZDeleteAccountSchema } from "@/lib/schemas/account";
import { deleteAccount } from "@/lib/server/auth/delete-account";
import { json, route } from "@/lib/server/http";
import { readJson } from "@/lib/server/request";
import { requireSessionWriter } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

/**
 * Deletes your account `{ confirm: "<your email>" }`, from a browser session only; 409 while you
 * are the only owner of a workspace. What happens to your contributions: see `deleteAccount`.
 */
export const DELETE = route(z.object({}), async (request) => {
  const viewer = await requireSessionWriter(request);
  const { confirm } = await readJson(request, ZDeleteAccountSchema, 4096);
  return json(await deleteAccount(viewer, confirm));
});
