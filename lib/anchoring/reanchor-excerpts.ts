/**
 * Places the excerpts of a source again after its text was revised: each keeps its offsets
 * while the text there is unchanged, moves with the text around it, is found again by its quote
 * (verbatim, normalised or approximately), or is orphaned — never drawn at a wrong place.
 */
import type { TSelector } from "../domain/types";
import { anchorQuote, prepareText, type TAnchoring, type TPreparedText, type TQuoteAnchor } from "./anchor-quote";
import { describeRange } from "./text-quote";

/** An excerpt as stored against the old text. */
export interface TExcerptToReanchor {
  id: string;
  start: number;
  end: number;
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Where an excerpt went in the new text. */
export type TExcerptPlacement =
  | { excerptId: string; status: "unchanged" | "moved" | "fuzzy"; selector: TSelector; anchoring: TAnchoring }
  | { excerptId: string; status: "orphaned"; exact: string };

/** What a revision did to a source's excerpts, as the API reports it. */
export interface TReanchorReport {
  unchanged: number;
  moved: number;
  /** Placed after normalising or approximately (`method` says which), with the score. */
  fuzzy: { excerptId: string; score: number; method: TAnchoring["method"] }[];
  orphaned: { excerptId: string; exact: string }[];
}

/**
 * The old text's offsets carried into the new text by the two texts' common beginning and end:
 * offsets in the common beginning stay, offsets in the common end move by the change in length,
 * offsets in between are spread proportionally. One pass over each text.
 */
export function mapOffsetsThroughEdit(oldText: string, newText: string): (offset: number) => number {
  const shorter = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < shorter && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  const oldMiddle = oldText.length - tail - head;
  const newMiddle = newText.length - tail - head;
  const delta = newText.length - oldText.length;
  return (offset) => {
    if (offset <= head) return offset;
    if (offset >= oldText.length - tail) return offset + delta;
    return head + Math.round(((offset - head) * newMiddle) / Math.max(1, oldMiddle));
  };
}

/**
 * Places every excerpt of a source in its revised text: the stored offsets if the text there is
 * still the quote and the edit did not move it; else the quote found by `anchorQuote` (verbatim
 * — "moved" —, normalised or approximately — "fuzzy", with the score), its stored prefix and
 * suffix and the offset carried through the edit deciding between repeats; else orphaned.
 * Pure: the caller writes the new offsets.
 */
export function reanchorExcerpts(
  oldText: string,
  newText: string,
  excerpts: TExcerptToReanchor[],
  /** For a caller placing the excerpts a few at a time: the edit's carry and the new text prepared once. */
  shared: { carry?: (offset: number) => number; prepared?: TPreparedText } = {},
): { placements: TExcerptPlacement[]; report: TReanchorReport } {
  const carry = shared.carry ?? mapOffsetsThroughEdit(oldText, newText);
  let prepared = shared.prepared ?? null;
  const report: TReanchorReport = { unchanged: 0, moved: 0, fuzzy: [], orphaned: [] };
  const placements = excerpts.map((excerpt): TExcerptPlacement => {
    const hint = carry(excerpt.start);
    const placement =
      placeWithoutSearch(newText, excerpt, hint) ??
      placementOf(excerpt, anchorQuote((prepared ??= prepareText(newText)), { exact: excerpt.exact, prefix: excerpt.prefix, suffix: excerpt.suffix, hint }));
    if (placement.status === "orphaned") report.orphaned.push({ excerptId: excerpt.id, exact: excerpt.exact });
    else if (placement.status === "fuzzy") report.fuzzy.push({ excerptId: excerpt.id, score: placement.anchoring.score, method: placement.anchoring.method });
    else report[placement.status]++;
    return placement;
  });
  return { placements, report };
}

/**
 * The excerpts that can be placed without searching the whole new text — still where they were,
 * or their quote once within a few hundred characters of where the edit carried them (the usual
 * case after an edit elsewhere) — and the rest, for `reanchorExcerpts`. Costs about the length
 * of the texts once (`carry`, from `mapOffsetsThroughEdit`) and the quote's length per excerpt.
 */
export function placeNearby<T extends TExcerptToReanchor>(newText: string, excerpts: readonly T[], carry: (offset: number) => number): { placed: TExcerptPlacement[]; rest: T[] } {
  const placed: TExcerptPlacement[] = [];
  const rest: T[] = [];
  for (const excerpt of excerpts) {
    const placement = placeWithoutSearch(newText, excerpt, carry(excerpt.start));
    if (placement) placed.push(placement);
    else rest.push(excerpt);
  }
  return { placed, rest };
}

/** Unchanged where it was, or found near `hint`; null when the whole text must be searched. */
function placeWithoutSearch(newText: string, excerpt: TExcerptToReanchor, hint: number): TExcerptPlacement | null {
  if (hint === excerpt.start && newText.slice(excerpt.start, excerpt.end) === excerpt.exact && excerpt.end > excerpt.start) {
    return { excerptId: excerpt.id, status: "unchanged", selector: describeRange(newText, excerpt.start, excerpt.end), anchoring: { method: "exact", score: 1 } };
  }
  const near = anchorNear(newText, excerpt, hint);
  return near ? placementOf(excerpt, near) : null;
}

function placementOf(excerpt: TExcerptToReanchor, result: TQuoteAnchor): TExcerptPlacement {
  if (!result.ok) return { excerptId: excerpt.id, status: "orphaned", exact: excerpt.exact };
  if (result.anchoring.method === "exact") {
    return { excerptId: excerpt.id, status: result.selector.start === excerpt.start ? "unchanged" : "moved", selector: result.selector, anchoring: result.anchoring };
  }
  return { excerptId: excerpt.id, status: "fuzzy", selector: result.selector, anchoring: result.anchoring };
}

/** Characters either side of the carried offset (beyond the quote's length) searched first. */
const NEARBY = 256;

/**
 * The quote placed within a few hundred characters of where the edit carried it, when it is
 * there once, verbatim or normalised: the usual case after an edit elsewhere,
 * found without reading the whole text. Undefined sends the caller to the whole text.
 */
function anchorNear(text: string, excerpt: TExcerptToReanchor, hint: number): TQuoteAnchor | undefined {
  const from = Math.max(0, hint - NEARBY - excerpt.exact.length);
  const to = Math.min(text.length, hint + 2 * excerpt.exact.length + NEARBY);
  if (from >= to) return undefined;
  const window = text.slice(from, to);
  // No approximate search here: a match in a window may be the quote cut off by the window's edge
  // (the whole text decides), and it would cost as much as the exact search many times over.
  const result = anchorQuote(window, { exact: excerpt.exact, prefix: excerpt.prefix, suffix: excerpt.suffix, hint: hint - from, approximate: false });
  if (!result.ok) return undefined;
  return { ...result, selector: describeRange(text, result.selector.start + from, result.selector.end + from) };
}
