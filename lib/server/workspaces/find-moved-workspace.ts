import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";

/** The current slug of a live workspace that used to be at `slug`, or null. */
export async function findMovedWorkspace(slug: string): Promise<string | null> {
  const alias = await db().workspaceSlugAlias.findFirst({ where: { slug, workspace: liveWhere.workspace }, select: { workspace: { select: { slug: true } } } });
  return alias?.workspace.slug ?? null;
}
