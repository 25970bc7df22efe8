import "server-only";
import { db } from "../../db/client";

/** What a history filter is about: a claim (its text) or a passage (its words and source), if any. */
export async function describeEntity(workspaceId: string, entityId: string): Promise<{ kind: "claim" | "excerpt"; text: string; href: string | null } | null> {
  const claim = await db().claim.findFirst({ where: { id: entityId, workspaceId }, select: { text: true, deletedAt: true } });
  if (claim) return { kind: "claim", text: claim.text, href: claim.deletedAt ? null : `claims/${entityId}` };
  const excerpt = await db().excerpt.findFirst({ where: { id: entityId, workspaceId }, select: { exact: true, sourceId: true, deletedAt: true } });
  if (excerpt) return { kind: "excerpt", text: excerpt.exact, href: excerpt.deletedAt ? null : `sources/${excerpt.sourceId}#excerpt-${entityId}` };
  return null;
}
