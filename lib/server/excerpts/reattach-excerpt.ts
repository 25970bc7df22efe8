import "server-only";
import { AppError, notFound } from "../../errors/app-error";
import type { TReattachExcerpt } from "../../schemas/excerpts";
import type { TMutationContext } from "../mutation";
import { readSourceText } from "../sources/read-source-text";
import { updateVersioned } from "../versioned";
import { resolveSelector } from "./create-excerpt";

/** An excerpt's columns read, written and recorded when it is re-attached (its placement included). */
export const PLACED_EXCERPT_FIELDS = {
  id: true, sourceId: true, start: true, end: true, exact: true, prefix: true, suffix: true, version: true, deletedAt: true, anchorMethod: true, anchorScore: true, orphanedAt: true, orphanReason: true,
  revisionId: true,
} as const;

/**
 * Places an orphaned excerpt on a passage of its source's current text (the selector must quote
 * the text exactly, 422 otherwise), at `version` (409 when stale). Its evidence comes back into
 * every view with it. Undoing it orphans it again.
 */
export async function reattachExcerpt({ tx, workspace, record }: TMutationContext, excerptId: string, input: TReattachExcerpt) {
  const before = await tx.excerpt.findFirst({ where: { id: excerptId, workspaceId: workspace.id, deletedAt: null, source: { deletedAt: null } }, select: PLACED_EXCERPT_FIELDS });
  if (!before) throw notFound("Excerpt");
  if (before.version !== input.version) await updateVersioned(tx, "excerpt", { before, version: input.version, what: "This passage", select: PLACED_EXCERPT_FIELDS, data: {} });
  if (!before.orphanedAt) throw new AppError("UNPROCESSABLE", "This passage is placed in the text already; only a passage the text no longer holds is re-attached.");
  const text = await readSourceText(tx, workspace.id, before.sourceId);
  if (text === null) throw notFound("Source");
  const { selector } = resolveSelector(text, input.selector);
  const after = await updateVersioned(tx, "excerpt", {
    before,
    version: input.version,
    what: "This passage",
    select: PLACED_EXCERPT_FIELDS,
    // Chosen by a person on the text itself: placed exactly.
    data: { ...selector, anchorMethod: "exact", anchorScore: 1, orphanedAt: null, orphanReason: null, revisionId: null },
    where: { deletedAt: null },
  });
  record({ type: "excerpt.reattached", entityId: excerptId, before, after });
  return after;
}
