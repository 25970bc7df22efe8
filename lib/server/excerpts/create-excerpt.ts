import "server-only";
import { anchorQuote, describeRange, matchesPosition } from "../../anchoring/text-quote";
import type { TSelector } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import type { TCreateExcerpt } from "../../schemas/excerpts";
import type { TMutationContext, TTx } from "../mutation";

export const EXCERPT_FIELDS = { id: true, sourceId: true, start: true, end: true, exact: true, prefix: true, suffix: true, version: true, deletedAt: true } as const;
export const EVIDENCE_FIELDS = { id: true, excerptId: true, claimId: true, stance: true, voice: true, note: true, version: true, deletedAt: true } as const;

/**
 * Resolves a selector against the source text. A position selector must quote the text at its
 * offsets exactly (422 otherwise); a quote alone is searched for, and must be found once (422
 * listing the candidates when prefix/suffix leave it ambiguous).
 */
export function resolveSelector(text: string, selector: TCreateExcerpt["selector"]): TSelector {
  if ("start" in selector) {
    if (selector.end > text.length || !matchesPosition(text, selector)) {
      const actual = text.slice(selector.start, Math.min(selector.end, text.length));
      throw new AppError(
        "UNPROCESSABLE",
        `The selector does not match the source: at ${selector.start}–${selector.end} the text reads “${preview(actual)}”, not “${preview(selector.exact)}”.`,
        { issues: [{ path: "selector.exact", message: "does not equal the source text at [start, end)" }] },
      );
    }
    return describeRange(text, selector.start, selector.end);
  }
  const result = anchorQuote(text, selector);
  if (result.ok) return result.selector;
  if (result.reason === "not-found") {
    throw new AppError("UNPROCESSABLE", `The passage “${preview(selector.exact)}” is not in this source${selector.prefix || selector.suffix ? " with that prefix/suffix" : ""}.`, {
      issues: [{ path: "selector.exact", message: "not found in the source text" }],
    });
  }
  throw new AppError("UNPROCESSABLE", `The passage “${preview(selector.exact)}” occurs ${result.candidates.length} times; add a prefix or suffix (or start/end) to say which.`, {
    issues: result.candidates.map((c, i) => ({ path: `selector.candidates.${i}`, message: `start ${c.start}, end ${c.end}: …${c.prefix}[${preview(c.exact, 40)}]${c.suffix}…` })),
  });
}

function preview(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

async function assertClaimsInWorkspace(tx: TTx, workspaceId: string, claimIds: string[]) {
  const unique = [...new Set(claimIds)];
  if (unique.length === 0) return;
  const found = await tx.claim.count({ where: { id: { in: unique }, workspaceId, deletedAt: null } });
  if (found !== unique.length) throw notFound("Claim");
}

/**
 * Anchors a passage of a source and links it to claims as evidence, in one step. Selecting the
 * same passage again reuses its excerpt.
 */
export async function createExcerpt({ tx, workspace, viewer, record }: TMutationContext, input: TCreateExcerpt) {
  const source = await tx.source.findFirst({ where: { id: input.sourceId, workspaceId: workspace.id, deletedAt: null }, select: { id: true, text: true } });
  if (!source) throw notFound("Source");
  const selector = resolveSelector(source.text, input.selector);
  await assertClaimsInWorkspace(tx, workspace.id, input.evidence.map((e) => e.claimId));
  if (new Set(input.evidence.map((e) => e.claimId)).size !== input.evidence.length) {
    throw new AppError("BAD_REQUEST", "Each claim may appear only once in evidence.");
  }

  let excerpt = await tx.excerpt.findFirst({ where: { sourceId: source.id, start: selector.start, end: selector.end, deletedAt: null }, select: EXCERPT_FIELDS });
  if (!excerpt) {
    excerpt = await tx.excerpt.create({ data: { workspaceId: workspace.id, sourceId: source.id, ...selector, createdById: viewer.userId }, select: EXCERPT_FIELDS });
    record({ type: "excerpt.created", entityType: "excerpt", entityId: excerpt.id, after: excerpt });
  }
  const evidence = [];
  for (const item of input.evidence) {
    const existing = await tx.evidence.findFirst({ where: { excerptId: excerpt.id, claimId: item.claimId, deletedAt: null }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "This passage is already evidence for that claim; edit the existing link instead.");
    const created = await tx.evidence.create({
      data: { workspaceId: workspace.id, excerptId: excerpt.id, claimId: item.claimId, stance: item.stance, voice: item.voice, note: item.note || null, createdById: viewer.userId },
      select: EVIDENCE_FIELDS,
    });
    record({ type: "evidence.created", entityType: "evidence", entityId: created.id, after: created });
    evidence.push(created);
  }
  return { ...excerpt, evidence };
}
