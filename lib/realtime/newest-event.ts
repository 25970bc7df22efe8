import "server-only";
import { db } from "../db/client";

/**
 * The id of the workspace's newest event (0 when it has none). A page reads it before its data,
 * and its event stream starts after it: a change committed between the two reaches the page.
 */
export async function newestEventId(workspaceId: string): Promise<bigint> {
  const newest = await db().event.findFirst({ where: { workspaceId }, orderBy: { id: "desc" }, select: { id: true } });
  return newest?.id ?? 0n;
}
