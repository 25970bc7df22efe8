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
  /** `count` candidates (`more`: at least that many), of which the first few are listed. */
  | { ok: false; reason: "ambiguous"; candidates: TSelector[]; count: number; more: boolean };

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

/**
 * Offsets at which `exact` occurs in `text` (overlapping matches included), in order, at most
 * `limit` of them. Knuth–Morris–Pratt, so the time is linear in the two lengths whatever they hold:
 * the engine's own `indexOf` takes seconds for a 20,000-character quote with one odd letter in a
 * text of one repeated letter (its time grows with the product of the lengths).
 */
export function findOccurrences(text: string, exact: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  const m = exact.length;
  if (m === 0 || m > text.length || limit <= 0) return found;
  // fail[i]: the length of the longest proper prefix of exact[0..i] that is also its suffix.
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    const c = exact.charCodeAt(i);
    while (k > 0 && c !== exact.charCodeAt(k)) k = fail[k - 1];
    if (c === exact.charCodeAt(k)) k++;
    fail[i] = k;
  }
  for (let i = 0, k = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== exact.charCodeAt(k)) k = fail[k - 1];
    if (c === exact.charCodeAt(k)) k++;
    if (k === m) {
      found.push(i - m + 1);
      if (found.length >= limit) break;
      k = fail[k - 1];
    }
  }
  return found;
}

/** Whether the stored position selector still points at its quote in `text`. */
export function matchesPosition(text: string, selector: Pick<TSelector, "start" | "end" | "exact">): boolean {
  return selector.start >= 0 && selector.end <= text.length && text.slice(selector.start, selector.end) === selector.exact;
}

/** At most this many candidates are listed when a quote is ambiguous; beyond it, only "more". */
export const MAX_LISTED_CANDIDATES = 10;
/**
 * Occurrences of the quote checked against its prefix and suffix before giving up: a quote that
 * common ("a", "the") says nothing about where it is, and checking each of two million
 * occurrences of "a" would only make a longer error.
 */
export const MAX_CHECKED_OCCURRENCES = 10_000;

/**
 * Anchors a TextQuote in `text`. A unique occurrence of `exact` wins; when it repeats, the
 * prefix and suffix pick out the one they surround (they must match the text next to it, and
 * may be shorter than the stored context). Several survivors → ambiguous, with the first
 * candidates and how many there are (`more` when the count stopped at the limit); `hint`, a
 * start offset, picks one of several. Linear in the
 * text's length: the context is compared in place, never by slicing the text.
 */
export function anchorQuote(text: string, quote: TQuote, options: { hint?: number } = {}): TAnchorResult {
  const starts = findOccurrences(text, quote.exact, MAX_CHECKED_OCCURRENCES + 1);
  if (starts.length === 0) return { ok: false, reason: "not-found" };
  const more = starts.length > MAX_CHECKED_OCCURRENCES;
  const candidates = starts.slice(0, MAX_CHECKED_OCCURRENCES).filter((start) => {
    const end = start + quote.exact.length;
    if (quote.prefix && (start < quote.prefix.length || !text.startsWith(quote.prefix, start - quote.prefix.length))) return false;
    if (quote.suffix && !text.startsWith(quote.suffix, end)) return false;
    return true;
  });
  // A position from the same rendering of the text settles a tie between equal quotes.
  if (candidates.length > 1 && options.hint !== undefined && candidates.includes(options.hint)) return { ok: true, selector: describeRange(text, options.hint, options.hint + quote.exact.length) };
  if (candidates.length === 1 && !more) return { ok: true, selector: describeRange(text, candidates[0], candidates[0] + quote.exact.length) };
  if (candidates.length === 0 && !more) return { ok: false, reason: "not-found" };
  return {
    ok: false,
    reason: "ambiguous",
    count: candidates.length,
    more,
    candidates: candidates.slice(0, MAX_LISTED_CANDIDATES).map((s) => describeRange(text, s, s + quote.exact.length)),
  };
}
