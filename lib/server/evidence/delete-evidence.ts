import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { softDeleteVersioned } from "../versioned";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Soft-deletes one evidence link at `version` (the passage stays highlighted if it backs other claims). */
export async function deleteEvidence({ tx, workspace, record }: TMutationContext, evidenceId: string, version: number) {
  const before = await tx.evidence.findFirst({ where: { id: evidenceId, workspaceId: workspace.id, deletedAt: null }, select: EVIDENCE_FIELDS });
  if (!before) throw notFound("Evidence");
  const after = await softDeleteVersioned(tx, "evidence", { before, version, what: "This evidence", select: EVIDENCE_FIELDS });
  record({ type: "evidence.deleted", entityId: evidenceId, before, after });
  return after;
}
