/**
 * W3C TextQuote / TextPosition anchoring over a source's plain text. Offsets are UTF-16 code
 * units (JavaScript string indices), end exclusive — the same units the browser's Range uses.
 */
import type { TSelector } from "../domain/types";

/** Characters of context stored on each side of a quote, as annotation tools commonly do. */
export const CONTEXT_LENGTH = 32;

export interface TQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type TAnchorResult =
  | { ok: true; selector: TSelector }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "ambiguous"; candidates: TSelector[] };

/** Builds the full selector (quote + position) for `text.slice(start, end)`. */
export function describeRange(text: string, start: number, end: number, context = CONTEXT_LENGTH): TSelector {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`invalid range ${start}–${end} for a text of ${text.length} characters`);
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

/** Every offset at which `exact` occurs in `text` (overlapping matches included). */
export function findOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  if (!exact) return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** Whether the stored position selector still points at its quote in `text`. */
export function matchesPosition(text: string, selector: Pick<TSelector, "start" | "end" | "exact">): boolean {
  return selector.start >= 0 && selector.end <= text.length && text.slice(selector.start, selector.end) === selector.exact;
}

/**
 * Anchors a TextQuote in `text`. A unique occurrence of `exact` wins; when it repeats, the
 * prefix and suffix pick out the one they surround (they must match the text next to it, and
 * may be shorter than the stored context). Several survivors → ambiguous, with the candidates.
 */
export function anchorQuote(text: string, quote: TQuote): TAnchorResult {
  const starts = findOccurrences(text, quote.exact);
  if (starts.length === 0) return { ok: false, reason: "not-found" };
  const candidates = starts.filter((start) => {
    const end = start + quote.exact.length;
    if (quote.prefix && !text.slice(0, start).endsWith(quote.prefix)) return false;
    if (quote.suffix && !text.slice(end).startsWith(quote.suffix)) return false;
    return true;
  });
  if (candidates.length === 1) return { ok: true, selector: describeRange(text, candidates[0], candidates[0] + quote.exact.length) };
  if (candidates.length === 0) return { ok: false, reason: "not-found" };
  return { ok: false, reason: "ambiguous", candidates: candidates.map((s) => describeRange(text, s, s + quote.exact.length)) };
}
