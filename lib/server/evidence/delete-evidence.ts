import "server-only";
import type { TMutationContext } from "../mutation";
import { deleteLiveRow } from "../versioned";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Soft-deletes one evidence link at `version` (the passage stays highlighted if it backs other claims). */
export function deleteEvidence(ctx: TMutationContext, evidenceId: string, version: number) {
  return deleteLiveRow(ctx, { model: "evidence", id: evidenceId, version, name: "Evidence", select: EVIDENCE_FIELDS, type: "evidence.deleted" });
}
