import "server-only";
import { db } from "../../db/client";
import type { TViewer } from "../authorize";
import { listApiTokens } from "./api-tokens";

/** The viewer's live personal API tokens (names and dates, never the secrets), newest first. */
export function listOwnTokens(viewer: TViewer) {
  return listApiTokens(db(), viewer.userId);
}
