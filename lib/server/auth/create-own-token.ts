import "server-only";
import { db } from "../../db/client";
import type { TTokenScope } from "../../schemas/tokens";
import type { TViewer } from "../authorize";
import { createApiToken } from "./api-tokens";

/** Makes a personal API token for the viewer; the secret is in this answer only. */
export async function createOwnToken(viewer: TViewer, input: { name: string; scope: TTokenScope; expiresInDays: number }) {
  const created = await createApiToken(db(), viewer.userId, input.name, input);
  return { ...created, name: input.name, expiresAt: created.expiresAt.toISOString() };
}
