import "server-only";
import type { TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";
import { assertVersion, type TMutationContext } from "../mutation";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Changes an evidence link's stance, voice or note; 409 when `version` is stale. */
export async function updateEvidence(
  { tx, workspace, record }: TMutationContext,
  evidenceId: string,
  input: { version: number; stance?: TStance; voice?: TVoice; note?: string | null },
) {
  const before = await tx.evidence.findFirst({ where: { id: evidenceId, workspaceId: workspace.id, deletedAt: null }, select: EVIDENCE_FIELDS });
  if (!before) throw notFound("Evidence");
  assertVersion(before, input.version, "This evidence");
  const updated = await tx.evidence.updateManyAndReturn({
    where: { id: evidenceId, version: input.version },
    data: { stance: input.stance ?? before.stance, voice: input.voice ?? before.voice, note: input.note === undefined ? before.note : input.note || null, version: { increment: 1 } },
    select: EVIDENCE_FIELDS,
  });
  if (updated.length === 0) assertVersion(await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: EVIDENCE_FIELDS }), input.version, "This evidence");
  record({ type: "evidence.updated", entityType: "evidence", entityId: evidenceId, before, after: updated[0] });
  return updated[0];
}
