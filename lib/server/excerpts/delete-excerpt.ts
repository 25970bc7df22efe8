import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { softDeleteVersioned } from "../versioned";
import { EVIDENCE_FIELDS, EXCERPT_FIELDS } from "./create-excerpt";

/**
 * Soft-deletes an excerpt at `version`, and every evidence link made from it. The excerpt's row is
 * written first: a concurrent delete waits on it and then gets 409, before touching its links.
 */
export async function deleteExcerpt({ tx, workspace, record }: TMutationContext, excerptId: string, version: number) {
  const before = await tx.excerpt.findFirst({ where: { id: excerptId, workspaceId: workspace.id, deletedAt: null }, select: EXCERPT_FIELDS });
  if (!before) throw notFound("Excerpt");
  const now = new Date();
  const after = await softDeleteVersioned(tx, "excerpt", { before, version, what: "This passage", select: EXCERPT_FIELDS, deletedAt: now });
  const links = await tx.evidence.findMany({ where: { excerptId, deletedAt: null }, select: EVIDENCE_FIELDS });
  const removed = await tx.evidence.updateManyAndReturn({
    where: { excerptId, deletedAt: null },
    data: { deletedAt: now, version: { increment: 1 } },
    select: EVIDENCE_FIELDS,
  });
  const removedById = new Map(removed.map((row) => [row.id, row]));
  for (const link of links) {
    const gone = removedById.get(link.id);
    if (gone) record({ type: "evidence.deleted", entityId: link.id, before: link, after: gone });
  }
  record({ type: "excerpt.deleted", entityId: excerptId, before, after });
  return after;
}
