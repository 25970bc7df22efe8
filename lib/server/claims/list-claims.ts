import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";

/** The workspace's live claims, in order, as options for pickers (id and text only). */
export function listClaimOptions(workspaceId: string): Promise<{ id: string; text: string }[]> {
  return db().claim.findMany({ where: { workspaceId, ...liveWhere.claim }, orderBy: [{ rank: "asc" }, { createdAt: "asc" }], select: { id: true, text: true } });
}
