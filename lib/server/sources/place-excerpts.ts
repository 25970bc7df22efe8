import "server-only";
import type { TAnchoring } from "../../anchoring/anchor-quote";
import { reanchorExcerpts } from "../../anchoring/reanchor-excerpts";
import type { TSelector } from "../../domain/types";

/** An excerpt as stored: its selectors into the text being replaced. */
export interface TExcerptAnchor extends TSelector {
  id: string;
}

/** Where an excerpt lands in a revised text. */
export type TPlacement =
  | { id: string; outcome: "unchanged" | "moved" | "fuzzy"; selector: TSelector; anchoring: TAnchoring }
  | { id: string; outcome: "orphaned"; reason: string };

/**
 * How long one call may hold the thread. Placing one excerpt costs from well under a millisecond
 * (it is where the edit carried it) to tens of milliseconds (a quote with thousands of look-alikes
 * in 2 MB), and the next excerpt may cost far more than the last: the number placed per call
 * follows the time the last call took per excerpt, grows at most twofold, and stays small.
 */
const SLICE_MS = 30;
const MAX_BATCH = 8;

/** What an orphan is told: the library says only that no single clear place was found. */
const ORPHAN_REASON = "the new text does not hold the quote in one clear place";

/**
 * Places each excerpt of `oldText` in `newText` (lib/anchoring's `reanchorExcerpts`): at its
 * stored offsets while the text there is unchanged, where the edit carried it, where its quote is
 * found verbatim, normalised or approximately (with the score), or nowhere (orphaned). `tick` is
 * awaited between batches, so a long list gives the thread back to other requests.
 */
export async function placeExcerpts(oldText: string, newText: string, excerpts: TExcerptAnchor[], tick: () => Promise<void>): Promise<TPlacement[]> {
  const placements: TPlacement[] = [];
  let batch = 1;
  for (let i = 0; i < excerpts.length; ) {
    await tick();
    const started = performance.now();
    const placed = reanchorExcerpts(oldText, newText, excerpts.slice(i, i + batch)).placements;
    i += placed.length;
    const perExcerpt = (performance.now() - started) / placed.length;
    batch = Math.max(1, Math.min(MAX_BATCH, batch * 2, Math.floor(SLICE_MS / Math.max(perExcerpt, 0.01))));
    for (const one of placed) {
      placements.push(
        one.status === "orphaned"
          ? { id: one.excerptId, outcome: "orphaned", reason: ORPHAN_REASON }
          : { id: one.excerptId, outcome: one.status, selector: one.selector, anchoring: one.anchoring },
      );
    }
  }
  return placements;
}
