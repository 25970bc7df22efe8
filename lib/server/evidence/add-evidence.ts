import "server-only";
import { AppError, notFound } from "../../errors/app-error";
import type { TStance, TVoice } from "../../domain/types";
import type { TMutationContext } from "../mutation";
import { EVIDENCE_FIELDS } from "../excerpts/create-excerpt";

/** Links an existing excerpt to another claim. */
export async function addEvidence(
  { tx, workspace, viewer, record }: TMutationContext,
  input: { excerptId: string; claimId: string; stance: TStance; voice: TVoice; note?: string },
) {
  const [excerpt, claim] = await Promise.all([
    tx.excerpt.findFirst({ where: { id: input.excerptId, workspaceId: workspace.id, deletedAt: null, orphanedAt: null }, select: { id: true } }),
    tx.claim.findFirst({ where: { id: input.claimId, workspaceId: workspace.id, deletedAt: null }, select: { id: true } }),
  ]);
  if (!excerpt) throw notFound("Excerpt");
  if (!claim) throw notFound("Claim");
  const existing = await tx.evidence.findFirst({ where: { excerptId: excerpt.id, claimId: claim.id, deletedAt: null }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "This passage is already evidence for that claim; edit the existing link instead.");
  const evidence = await tx.evidence.create({
    data: { workspaceId: workspace.id, excerptId: excerpt.id, claimId: claim.id, stance: input.stance, voice: input.voice, note: input.note || null, createdById: viewer.userId },
    select: EVIDENCE_FIELDS,
  });
  record({ type: "evidence.created", entityId: evidence.id, after: evidence });
  return evidence;
}
