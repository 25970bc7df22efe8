import "server-only";
import { db } from "../../db/client";
import { notFound } from "../../errors/app-error";
import { notifyCredentialsChanged } from "../../realtime/hub";
import type { TViewer } from "../authorize";
import { revokeApiToken } from "./api-tokens";

/** Revokes one of the viewer's live tokens (event streams opened with it end); 404 when it is not theirs, not live, or not there. */
export async function revokeOwnToken(viewer: TViewer, tokenId: string): Promise<void> {
  if (!(await revokeApiToken(db(), viewer.userId, tokenId))) throw notFound("Token");
  await notifyCredentialsChanged(viewer.userId);
}
