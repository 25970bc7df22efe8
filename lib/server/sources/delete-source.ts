import "server-only";
import type { TMutationContext } from "../mutation";
import { deleteLiveRow } from "../versioned";
import { SOURCE_FIELDS } from "./source-fields";

/**
 * Soft-deletes a source at `version`, undoable from the history. Its excerpts and their evidence
 * hang on it (lib/db/live-rows.ts), so they leave every view with it and come back with it, and
 * the positions they decided are derived again without them.
 */
export function deleteSource(ctx: TMutationContext, sourceId: string, version: number) {
  return deleteLiveRow(ctx, { model: "source", id: sourceId, version, name: "Source", select: SOURCE_FIELDS, type: "source.deleted" });
}
