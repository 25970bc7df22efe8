import "server-only";
import { notFound } from "../../errors/app-error";
import { assertVersion, type TMutationContext } from "../mutation";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Soft-deletes one evidence link (the passage stays highlighted if it backs other claims). */
export async function deleteEvidence({ tx, workspace, record }: TMutationContext, evidenceId: string, version?: number) {
  const before = await tx.evidence.findFirst({ where: { id: evidenceId, workspaceId: workspace.id, deletedAt: null }, select: EVIDENCE_FIELDS });
  if (!before) throw notFound("Evidence");
  if (version !== undefined) assertVersion(before, version, "This evidence");
  const after = await tx.evidence.update({ where: { id: evidenceId }, data: { deletedAt: new Date(), version: { increment: 1 } }, select: EVIDENCE_FIELDS });
  record({ type: "evidence.deleted", entityType: "evidence", entityId: evidenceId, before, after });
  return after;
}
