import "server-only";
import { anchorQuote, describeRange, matchesPosition } from "../../anchoring/text-quote";
import type { TSelector } from "../../domain/types";

/** An excerpt as stored: its selectors into the text being replaced. */
export interface TExcerptAnchor extends TSelector {
  id: string;
}

/** Where an excerpt lands in a revised text. */
export type TPlacement =
  | { id: string; outcome: "unchanged" | "moved"; selector: TSelector }
  | { id: string; outcome: "fuzzy"; selector: TSelector; score: number }
  | { id: string; outcome: "orphaned"; reason: string };

/**
 * Places each excerpt of `oldText` in `newText`: at its stored offsets if the text there is still
 * its quote, else where its quote is (prefix and suffix picking one of several), else nowhere
 * (orphaned, with the reason). `tick` is awaited between excerpts, so a long list gives the
 * thread back to other requests.
 */
export async function placeExcerpts(_oldText: string, newText: string, excerpts: TExcerptAnchor[], tick: () => Promise<void>): Promise<TPlacement[]> {
  const placements: TPlacement[] = [];
  for (const excerpt of excerpts) {
    await tick();
    if (matchesPosition(newText, excerpt)) {
      placements.push({ id: excerpt.id, outcome: "unchanged", selector: describeRange(newText, excerpt.start, excerpt.end) });
      continue;
    }
    const found = anchorQuote(newText, excerpt, { hint: excerpt.start });
    if (found.ok) placements.push({ id: excerpt.id, outcome: "moved", selector: found.selector });
    else if (found.reason === "ambiguous") placements.push({ id: excerpt.id, outcome: "orphaned", reason: `the quote occurs ${found.more ? "more than " : ""}${found.count} times in the new text` });
    else placements.push({ id: excerpt.id, outcome: "orphaned", reason: "the quote is no longer in the text" });
  }
  return placements;
}
