import "server-only";
import { prepareText, type TAnchoring } from "../../anchoring/anchor-quote";
import { mapOffsetsThroughEdit, placeNearby, reanchorExcerpts } from "../../anchoring/reanchor-excerpts";
import type { TSelector } from "../../domain/types";
import { OFF_THREAD_TEXT_LENGTH, runModuleOffThread } from "../workers/run-off-thread";

type TReanchorResult = ReturnType<typeof reanchorExcerpts>;

/** An excerpt as stored: its selectors into the text being replaced. */
export interface TExcerptAnchor extends TSelector {
  id: string;
}

/** Where an excerpt lands in a revised text. */
export type TPlacement =
  | { id: string; outcome: "unchanged" | "moved" | "fuzzy"; selector: TSelector; anchoring: TAnchoring }
  | { id: string; outcome: "orphaned"; reason: string };

/**
 * How long one batch may hold the thread. Placing one excerpt costs from well under a millisecond
 * (it is where the edit carried it) to tens of milliseconds (a quote with hundreds of look-alikes
 * nearby, or an approximate search of a text under 256 KB), and the next may cost far more than
 * the last: see `inSlices`.
 */
const SLICE_MS = 30;
const MAX_BATCH = 8;

/** What an orphan is told: the library says only that no single clear place was found. */
const ORPHAN_REASON = "the new text does not hold the quote in one clear place";

/**
 * Places each excerpt of `oldText` in `newText` (lib/anchoring's `reanchorExcerpts`): at its
 * stored offsets while the text there is unchanged, where the edit carried it, where its quote is
 * found verbatim, normalised or approximately (with the score), or nowhere (orphaned). Excerpts
 * still near where the edit carried them are placed first, on the request's thread, awaiting
 * `tick` between batches. The others need a search of the whole text: on the request's thread,
 * a batch at a time, in a text shorter than `OFF_THREAD_TEXT_LENGTH`; in a longer one, where a
 * single approximate search can hold the thread for a tenth of a second or more, in a worker
 * thread that is stopped after `deadlineMs` (422).
 */
export async function placeExcerpts(
  oldText: string,
  newText: string,
  excerpts: TExcerptAnchor[],
  { tick, deadlineMs, what }: { tick: () => Promise<void>; deadlineMs: number; what: string },
): Promise<TPlacement[]> {
  if (excerpts.length === 0) return [];
  const carry = mapOffsetsThroughEdit(oldText, newText);
  const placements: TPlacement[] = [];
  const rest: TExcerptAnchor[] = [];
  await inSlices(excerpts, tick, (some) => {
    const nearby = placeNearby(newText, some, carry);
    placements.push(...nearby.placed.map(placementOf));
    rest.push(...nearby.rest);
  });
  if (rest.length === 0) return placements;

  if (Math.max(oldText.length, newText.length) >= OFF_THREAD_TEXT_LENGTH) {
    const anchors = rest.map(({ id, start, end, exact, prefix, suffix }) => ({ id, start, end, exact, prefix, suffix }));
    const searched = await runModuleOffThread<TReanchorResult>({
      modulePath: "lib/anchoring/reanchor-excerpts.ts",
      exportName: "reanchorExcerpts",
      args: [oldText, newText, anchors],
      timeoutMs: deadlineMs,
      what,
    });
    return [...placements, ...searched.placements.map(placementOf)];
  }
  // The new text's normal form is made once (when first needed), not once per batch.
  const prepared = prepareText(newText);
  await inSlices(rest, tick, (some) => placements.push(...reanchorExcerpts(oldText, newText, some, { carry, prepared }).placements.map(placementOf)));
  return placements;
}

/**
 * Runs `work` over `items` a few at a time, awaiting `tick` before each batch. The next item may
 * cost far more than the last, so the batch follows the time the last one took per item, grows
 * at most twofold, and stays small.
 */
async function inSlices<T>(items: readonly T[], tick: () => Promise<void>, work: (batch: T[]) => void): Promise<void> {
  let batch = 1;
  for (let i = 0; i < items.length; ) {
    await tick();
    const started = performance.now();
    const some = items.slice(i, i + batch);
    work(some);
    i += some.length;
    const perItem = (performance.now() - started) / some.length;
    batch = Math.max(1, Math.min(MAX_BATCH, batch * 2, Math.floor(SLICE_MS / Math.max(perItem, 0.01))));
  }
}

function placementOf(one: TReanchorResult["placements"][number]): TPlacement {
  return one.status === "orphaned"
    ? { id: one.excerptId, outcome: "orphaned", reason: ORPHAN_REASON }
    : { id: one.excerptId, outcome: one.status, selector: one.selector, anchoring: one.anchoring };
}
