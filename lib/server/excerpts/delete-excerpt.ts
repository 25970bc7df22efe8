import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { EVIDENCE_FIELDS, EXCERPT_FIELDS } from "./create-excerpt";

/** Soft-deletes an excerpt and every evidence link made from it. */
export async function deleteExcerpt({ tx, workspace, record }: TMutationContext, excerptId: string) {
  const before = await tx.excerpt.findFirst({ where: { id: excerptId, workspaceId: workspace.id, deletedAt: null }, select: EXCERPT_FIELDS });
  if (!before) throw notFound("Excerpt");
  const now = new Date();
  const links = await tx.evidence.findMany({ where: { excerptId, deletedAt: null }, select: EVIDENCE_FIELDS });
  for (const link of links) {
    const after = await tx.evidence.update({ where: { id: link.id }, data: { deletedAt: now, version: { increment: 1 } }, select: EVIDENCE_FIELDS });
    record({ type: "evidence.deleted", entityType: "evidence", entityId: link.id, before: link, after });
  }
  const after = await tx.excerpt.update({ where: { id: excerptId }, data: { deletedAt: now, version: { increment: 1 } }, select: EXCERPT_FIELDS });
  record({ type: "excerpt.deleted", entityType: "excerpt", entityId: excerptId, before, after });
  return after;
}
