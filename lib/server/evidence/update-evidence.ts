import "server-only";
import type { TStance, TVoice } from "../../domain/types";
import type { TMutationContext } from "../mutation";
import { changeLiveRow } from "../versioned";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Changes an evidence link's stance, voice or note; 409 when `version` is stale. */
export function updateEvidence(ctx: TMutationContext, evidenceId: string, input: { version: number; stance?: TStance; voice?: TVoice; note?: string | null }) {
  return changeLiveRow(ctx, { model: "evidence", id: evidenceId, version: input.version, name: "Evidence", select: EVIDENCE_FIELDS, type: "evidence.updated" }, (before) => ({
    stance: input.stance ?? before.stance,
    voice: input.voice ?? before.voice,
    note: input.note === undefined ? before.note : input.note || null,
  }));
}
