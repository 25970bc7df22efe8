/**
 * Places a quote in a text the way a reader would: verbatim if it is there, else after
 * normalising both (whitespace, quotation marks, dashes, hyphenation, ellipses), else
 * approximately, with a score — and refuses, listing the candidates, when the text holds the
 * quote in several places that nothing tells apart.
 */
import search from "approx-string-match";
import type { TAnchorMethod, TSelector } from "../domain/types";
import { normaliseQuote, normaliseText, toOriginalSpan, type TNormalisedText } from "./normalise";
import { describeRange, findOccurrences, MAX_CHECKED_OCCURRENCES, MAX_LISTED_CANDIDATES } from "./text-quote";

export type { TAnchorMethod };

/** How a quote was placed and how closely it matched (0–1; 1 for exact and normalised). */
export interface TAnchoring {
  method: TAnchorMethod;
  score: number;
}

/** A TextQuote to place, with an optional TextPosition start as a hint. */
export interface TQuoteToAnchor {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start (UTF-16 offset): settles a choice between equal quotes. */
  hint?: number;
  /** False: verbatim or normalised only, no approximate search (true by default). */
  approximate?: boolean;
}

export type TQuoteAnchor =
  | { ok: true; selector: TSelector; anchoring: TAnchoring }
  | { ok: false; reason: "not-found" }
  /** `count` candidates (`more`: at least that many), of which the best few are listed in text order. */
  | { ok: false; reason: "ambiguous"; candidates: TSelector[]; count: number; more: boolean };

/** Shorter quotes are placed verbatim or normalised only: a dozen characters with errors say too little. */
export const MIN_FUZZY_QUOTE_LENGTH = 12;
/** Errors allowed in an approximate match, per character of the normalised quote. */
export const FUZZY_ERROR_RATE = 0.2;
/**
 * Longest piece of a quote searched for across the whole text. Approximate search costs the
 * text's length times the piece's length / 32, so a longer quote is searched by its first piece
 * and then followed piece by piece in a small window after each match.
 */
export const FUZZY_PIECE_LENGTH = 64;
/** The text is searched in chunks of this many characters, so a quote that matches everywhere stops early. */
const SEARCH_CHUNK = 2048;
/** Candidates scored at most; beyond it the quote is too common to say where it is. */
export const MAX_SCORED_CANDIDATES = 1000;
/** Raw matches (several per place) examined at most. */
const MAX_RAW_MATCHES = 4 * MAX_SCORED_CANDIDATES;
/** Characters of prefix and suffix compared (nearest the quote). */
const CONTEXT_COMPARED = 64;
/** A winner's score must beat the runner-up's by this much (scores are 0–1). */
export const WINNING_MARGIN = 0.01;
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 10 };
/** Distance from the hint (characters) at which the position counts half. */
const HINT_HALF_DISTANCE = 100;

/** A text ready for anchoring many quotes: its normal form is computed once, when first needed. */
export interface TPreparedText {
  text: string;
  normal: () => TNormalisedText;
}

/** Wraps `text` so that several quotes anchored in it share one normalisation. */
export function prepareText(text: string): TPreparedText {
  let normal: TNormalisedText | undefined;
  return { text, normal: () => (normal ??= normaliseText(text)) };
}

interface TCandidate {
  start: number;
  end: number;
  /** Similarity of the quote to the text at the candidate, 0–1. */
  quoteSimilarity: number;
}

/**
 * Anchors a TextQuote in `text` (or a prepared text). In order: the quote verbatim (a unique
 * occurrence, or the one its prefix and suffix surround); the quote found verbatim in the
 * normal form of both (see `normaliseText`; "…" at the quote's ends dropped); an approximate
 * match in the normal form with at most `FUZZY_ERROR_RATE` errors per character, for quotes of
 * at least `MIN_FUZZY_QUOTE_LENGTH`. Several candidates are scored by the quote's similarity,
 * the prefix's and suffix's similarity to the text around each, and the distance from `hint`;
 * the best is placed only when it beats the runner-up by `WINNING_MARGIN`, else the answer is
 * "ambiguous" with the candidates. The selector always holds the text's own characters.
 * Linear in the text's length (a 2 MB text and a 20,000-character quote answer in well under a
 * second); the number of candidates examined is capped.
 */
export function anchorQuote(source: string | TPreparedText, quote: TQuoteToAnchor): TQuoteAnchor {
  const prepared = typeof source === "string" ? prepareText(source) : source;
  const { text } = prepared;
  const hint = quote.hint !== undefined && Number.isFinite(quote.hint) ? quote.hint : undefined;
  const context = contextOf(quote);

  if (quote.exact.length > 0) {
    const starts = findOccurrences(text, quote.exact, MAX_CHECKED_OCCURRENCES + 1);
    if (starts.length > 0) {
      const more = starts.length > MAX_CHECKED_OCCURRENCES;
      const checked = more ? starts.slice(0, MAX_CHECKED_OCCURRENCES) : starts;
      const fitting = checked.filter((start) => fitsContext(text, start, start + quote.exact.length, quote));
      const pool = fitting.length > 0 || more ? fitting : checked;
      const candidates = pool.map((start) => ({ start, end: start + quote.exact.length, quoteSimilarity: 1 }));
      return decide(text, candidates, context, hint, "exact", more);
    }
  }

  const normalQuote = normaliseQuote(quote.exact);
  if (normalQuote.length === 0) return { ok: false, reason: "not-found" };
  const normal = prepared.normal();
  const starts = findOccurrences(normal.text, normalQuote, MAX_CHECKED_OCCURRENCES + 1);
  if (starts.length > 0) {
    const more = starts.length > MAX_CHECKED_OCCURRENCES;
    const candidates = starts.slice(0, MAX_CHECKED_OCCURRENCES).map((start) => ({ ...toOriginalSpan(normal, start, start + normalQuote.length), quoteSimilarity: 1 }));
    return decide(text, candidates, context, hint, "normalised", more);
  }

  if (normalQuote.length < MIN_FUZZY_QUOTE_LENGTH || quote.approximate === false) return { ok: false, reason: "not-found" };
  const { matches, more } = findApproximateMatches(normal.text, normalQuote);
  if (matches.length === 0 && !more) return { ok: false, reason: "not-found" };
  const candidates = matches.map((m) => ({ ...toOriginalSpan(normal, m.start, m.end), quoteSimilarity: Math.max(0, 1 - m.errors / normalQuote.length) }));
  return decide(text, candidates, context, hint, "fuzzy", more);
}

interface TContext {
  /** Normalised prefix, nearest character first, at most CONTEXT_COMPARED long. */
  before?: string;
  /** Normalised suffix, at most CONTEXT_COMPARED long. */
  after?: string;
}

function contextOf(quote: TQuoteToAnchor): TContext {
  const before = quote.prefix ? normaliseText(quote.prefix.slice(-4 * CONTEXT_COMPARED)).text.trimEnd().slice(-CONTEXT_COMPARED) : "";
  const after = quote.suffix ? normaliseText(quote.suffix.slice(0, 4 * CONTEXT_COMPARED)).text.trimStart().slice(0, CONTEXT_COMPARED) : "";
  return { before: before ? reverse(before) : undefined, after: after || undefined };
}

/** Whether the stored prefix and suffix are verbatim the text around `[start, end)` (compared in place). */
function fitsContext(text: string, start: number, end: number, quote: TQuoteToAnchor): boolean {
  if (quote.prefix && (start < quote.prefix.length || !text.startsWith(quote.prefix, start - quote.prefix.length))) return false;
  if (quote.suffix && !text.startsWith(quote.suffix, end)) return false;
  return true;
}

function reverse(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/**
 * Edit distance between `pattern` and the best-fitting start of `text`: how many edits make the
 * pattern into some prefix of the text (both read outward from the quote).
 */
function leadingEditDistance(pattern: string, text: string): number {
  const n = text.length;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    current[0] = i;
    const c = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1] + (text.charCodeAt(j - 1) === c ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = pattern.length;
  for (let j = 0; j <= n; j++) best = Math.min(best, previous[j]);
  return best;
}

/** Similarity (0–1) of the stored context to the text around a candidate, compared in normal form. */
function contextSimilarity(text: string, candidate: TCandidate, context: TContext): { before?: number; after?: number } {
  const result: { before?: number; after?: number } = {};
  if (context.before) {
    const window = text.slice(Math.max(0, candidate.start - 2 * (context.before.length + 8)), candidate.start);
    const around = reverse(normaliseText(window).text.trimEnd()).slice(0, context.before.length + 8);
    result.before = 1 - leadingEditDistance(context.before, around) / context.before.length;
  }
  if (context.after) {
    const window = text.slice(candidate.end, candidate.end + 2 * (context.after.length + 8));
    const around = normaliseText(window).text.trimStart().slice(0, context.after.length + 8);
    result.after = 1 - leadingEditDistance(context.after, around) / context.after.length;
  }
  return result;
}

function scoreCandidate(text: string, candidate: TCandidate, context: TContext, hint: number | undefined): number {
  const similarity = contextSimilarity(text, candidate, context);
  let total = WEIGHT.quote * candidate.quoteSimilarity;
  let weight = WEIGHT.quote;
  if (similarity.before !== undefined) {
    total += WEIGHT.prefix * similarity.before;
    weight += WEIGHT.prefix;
  }
  if (similarity.after !== undefined) {
    total += WEIGHT.suffix * similarity.after;
    weight += WEIGHT.suffix;
  }
  if (hint !== undefined) {
    total += WEIGHT.position / (1 + Math.abs(candidate.start - hint) / HINT_HALF_DISTANCE);
    weight += WEIGHT.position;
  }
  return total / weight;
}

function decide(text: string, candidates: TCandidate[], context: TContext, hint: number | undefined, method: TAnchorMethod, more: boolean): TQuoteAnchor {
  const place = (c: TCandidate): TQuoteAnchor => ({
    ok: true,
    selector: describeRange(text, c.start, c.end),
    anchoring: { method, score: method === "fuzzy" ? Math.min(0.99, Math.floor(c.quoteSimilarity * 100) / 100) : 1 },
  });
  const refuse = (listed: TCandidate[]): TQuoteAnchor => ({
    ok: false,
    reason: "ambiguous",
    count: candidates.length,
    more,
    candidates: listed
      .slice(0, MAX_LISTED_CANDIDATES)
      .sort((a, b) => a.start - b.start)
      .map((c) => describeRange(text, c.start, c.end)),
  });
  if (candidates.length === 0) return more ? refuse([]) : { ok: false, reason: "not-found" };
  if (more || candidates.length > MAX_SCORED_CANDIDATES) return refuse(candidates);
  if (candidates.length === 1) return place(candidates[0]);
  const scored = candidates.map((c) => ({ c, score: scoreCandidate(text, c, context, hint) })).sort((a, b) => b.score - a.score || a.c.start - b.c.start);
  if (scored[0].score - scored[1].score >= WINNING_MARGIN) return place(scored[0].c);
  return refuse(scored.map((s) => s.c));
}

interface TMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Approximate matches of `quote` in `text` (both normalised) with at most
 * `FUZZY_ERROR_RATE` errors per character; overlapping matches are one place (its best
 * match). `more` when there were too many to examine.
 */
function findApproximateMatches(text: string, quote: string): { matches: TMatch[]; more: boolean } {
  const budget = Math.floor(quote.length * FUZZY_ERROR_RATE);
  const head = quote.slice(0, FUZZY_PIECE_LENGTH);
  const found = searchInChunks(text, head, Math.floor(head.length * FUZZY_ERROR_RATE));
  if (found.more || quote.length === head.length) return found;
  // A long quote: follow each place its first piece matched, best first, through the rest.
  const followed: TMatch[] = [];
  for (const match of found.matches.slice().sort((a, b) => a.errors - b.errors).slice(0, MAX_LISTED_CANDIDATES * 2)) {
    const whole = followQuote(text, quote, match, budget);
    if (whole) followed.push(whole);
  }
  return { matches: bestPerPlace(followed, quote.length), more: false };
}

/** Errors above the best match so far that a candidate may have and still be examined. */
function slackErrors(length: number): number {
  return Math.max(1, Math.ceil(length * 0.05));
}

/**
 * Searches the text chunk by chunk (overlapping by a match's longest length, so none is cut), so
 * that the work stops once more candidates than can be scored are found, and each chunk's
 * matches are tried with the budget lowered to near the best one so far.
 */
function searchInChunks(text: string, pattern: string, maxErrors: number): { matches: TMatch[]; more: boolean } {
  const slack = slackErrors(pattern.length);
  let best = maxErrors;
  let found: TMatch[] = [];
  for (let from = 0; from < text.length; from += SEARCH_CHUNK) {
    const to = Math.min(text.length, from + SEARCH_CHUNK + pattern.length + maxErrors);
    const limit = Math.min(maxErrors, best + slack);
    const matches = search(text.slice(from, to), pattern, limit);
    if (matches.length > 0) {
      const lowest = matches.reduce((min, m) => Math.min(min, m.errors), limit);
      if (lowest < best) {
        best = lowest;
        found = found.filter((m) => m.errors <= best + slack);
      }
      for (const m of matches) found.push({ start: from + m.start, end: from + m.end, errors: m.errors });
      // Thousands of matches mean a repetitive text (they may all overlap as one place): too common to tell.
      if (found.length > MAX_RAW_MATCHES) return { matches: bestPerPlace(found, pattern.length), more: true };
    }
    if (to === text.length) break;
  }
  return { matches: bestPerPlace(found, pattern.length), more: false };
}

/**
 * One match per place: matches starting within the error budget of a place's first match are
 * that place (the search reports several ends, and starts, for one occurrence), keeping the
 * fewest errors, then the length nearest the quote's. Matches further apart are places of their
 * own even when they overlap, as two occurrences of a quote in a repetitive text do.
 */
function bestPerPlace(matches: TMatch[], length: number): TMatch[] {
  const sorted = matches.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const near = Math.max(1, Math.floor(length * FUZZY_ERROR_RATE));
  const places: TMatch[] = [];
  let placeStart = Number.NEGATIVE_INFINITY;
  for (const m of sorted) {
    const last = places[places.length - 1];
    if (last && m.start - placeStart <= near) {
      if (m.errors < last.errors || (m.errors === last.errors && Math.abs(m.end - m.start - length) < Math.abs(last.end - last.start - length))) places[places.length - 1] = m;
    } else {
      places.push(m);
      placeStart = m.start;
    }
  }
  return places;
}

/**
 * Follows a long quote from where its first piece matched: each further piece is searched in a
 * small window after the previous one's end; characters skipped or overlapped count as errors,
 * and a piece not found counts all its characters. Undefined once over `budget`.
 */
function followQuote(text: string, quote: string, head: TMatch, budget: number): TMatch | undefined {
  let errors = head.errors;
  let at = head.end;
  for (let p = FUZZY_PIECE_LENGTH; p < quote.length; p += FUZZY_PIECE_LENGTH) {
    const piece = quote.slice(p, p + FUZZY_PIECE_LENGTH);
    const allowed = Math.floor(piece.length * FUZZY_ERROR_RATE);
    const from = Math.max(0, at - allowed - 8);
    const to = Math.min(text.length, at + piece.length + allowed + 8);
    let next: TMatch | undefined;
    for (const m of search(text.slice(from, to), piece, allowed)) {
      const start = from + m.start;
      if (!next || Math.abs(start - at) < Math.abs(next.start - at)) next = { start, end: from + m.end, errors: m.errors };
    }
    if (next) {
      errors += next.errors + Math.abs(next.start - at);
      at = Math.max(at, next.end);
    } else {
      errors += piece.length;
      at = Math.min(text.length, at + piece.length);
    }
    if (errors > budget) return undefined;
  }
  return { start: head.start, end: at, errors };
}
