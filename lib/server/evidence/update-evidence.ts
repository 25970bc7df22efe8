import "server-only";
import type { TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Changes an evidence link's stance, voice or note; 409 when `version` is stale. */
export async function updateEvidence(
  { tx, workspace, record }: TMutationContext,
  evidenceId: string,
  input: { version: number; stance?: TStance; voice?: TVoice; note?: string | null },
) {
  const before = await tx.evidence.findFirst({ where: { id: evidenceId, workspaceId: workspace.id, deletedAt: null }, select: EVIDENCE_FIELDS });
  if (!before) throw notFound("Evidence");
  const after = await updateVersioned(tx, "evidence", {
    before,
    version: input.version,
    what: "This evidence",
    select: EVIDENCE_FIELDS,
    data: { stance: input.stance ?? before.stance, voice: input.voice ?? before.voice, note: input.note === undefined ? before.note : input.note || null },
    where: { deletedAt: null },
  });
  record({ type: "evidence.updated", entityId: evidenceId, before, after });
  return after;
}
