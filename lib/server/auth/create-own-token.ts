import "server-only";
import { db } from "../../db/client";
import type { TViewer } from "../authorize";
import { createApiToken } from "./api-tokens";

/** Makes a personal API token for the viewer; the secret is in this answer only. */
export async function createOwnToken(viewer: TViewer, name: string): Promise<{ id: string; token: string; name: string }> {
  const created = await createApiToken(db(), viewer.userId, name);
  return { ...created, name };
}
