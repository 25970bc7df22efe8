/**
 * Search results as data: a fragment of text with the ranges of its matching words, never HTML.
 * The database finds and ranks; these pure helpers turn what it returns into offsets, cut long
 * texts down to a readable window around the matches, and mark words that match by similarity
 * (a misspelt query) the way pg_trgm measures it.
 */

/** The kinds of result a search returns, each in its own group. */
export const SEARCH_KINDS = ["claims", "excerpts", "passages", "sources", "comments"] as const;
export type TSearchKind = (typeof SEARCH_KINDS)[number];

/** A matching word inside a fragment: UTF-16 offsets, end exclusive. */
export interface TMark {
  start: number;
  end: number;
}

/** A piece of a longer text with its marks; `offset` is where the piece starts in that text. */
export interface TFragment {
  text: string;
  marks: TMark[];
  offset: number;
  /** Whether text was left out before / after the piece (the reader shows an ellipsis). */
  clippedStart: boolean;
  clippedEnd: boolean;
}

/**
 * Typographic quotes, dashes and spaces that the database turns into ASCII before text search
 * (its parser would take them for letters: "“talk" would be one word). The same table as the SQL
 * function stancemap_search_text (migration 20261126100000_search): one character for one, all
 * in the BMP, so offsets stay valid. Unicode hyphens become "-", everything else a space.
 */
export const SEARCH_TEXT_FROM = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2026\u2022\u00b7\u2032\u2033\u00a1\u00bf\u00a7\u00b6\u2020\u2021\u00a9\u00ae\u2122\u3001\u3002\u300c\u300d\u300e\u300f\u3010\u3011\uff08\uff09\uff0c\uff1a\uff1b\uff01\uff1f";

/** The text as the database's text search reads it (see SEARCH_TEXT_FROM). */
export function normalizeSearchText(text: string): string {
  let out = "";
  for (const char of text) {
    if (!SEARCH_TEXT_FROM.includes(char)) out += char;
    else out += char === "\u2010" || char === "\u2011" ? "-" : " ";
  }
  return out;
}

/** How ts_headline is asked to wrap matches; characters no reading text contains. */
export const MARK_OPEN = "\u0002";
export const MARK_CLOSE = "\u0003";

/**
 * Reads a text in which the database wrapped matching words in MARK_OPEN … MARK_CLOSE (it
 * highlights the normalized text, see normalizeSearchText). Returns the marked ranges, or `null`
 * when the result does not come back to `original` (so a text is never shown with wrong marks).
 */
export function parseMarked(marked: string, original: string): TMark[] | null {
  if (original.includes(MARK_OPEN) || original.includes(MARK_CLOSE)) return null;
  const marks: TMark[] = [];
  let plain = "";
  let open = -1;
  for (const char of marked) {
    if (char === MARK_OPEN) {
      if (open !== -1) return null;
      open = plain.length;
    } else if (char === MARK_CLOSE) {
      if (open === -1) return null;
      if (plain.length > open) marks.push({ start: open, end: plain.length });
      open = -1;
    } else {
      plain += char;
    }
  }
  if (open !== -1 || plain !== normalizeSearchText(original)) return null;
  return mergeMarks(marks);
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeMarks(marks: readonly TMark[]): TMark[] {
  const sorted = marks.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TMark[] = [];
  for (const mark of sorted) {
    const last = merged.at(-1);
    if (last && mark.start <= last.end) last.end = Math.max(last.end, mark.end);
    else merged.push({ ...mark });
  }
  return merged;
}

const SPACE = /\s/u;

/**
 * A window of at most `maxLength` characters of `text`, placed so that the first mark sits about
 * a third of the way in, cut between words; marks are moved into the window's coordinates (and
 * dropped or trimmed where they fall outside it).
 */
export function clipFragment(text: string, marks: readonly TMark[], maxLength: number): TFragment {
  if (text.length <= maxLength) return { text, marks: [...marks], offset: 0, clippedStart: false, clippedEnd: false };
  const first = marks[0];
  let start = first ? Math.max(0, Math.min(first.start - Math.floor(maxLength / 3), text.length - maxLength)) : 0;
  let end = Math.min(text.length, start + maxLength);
  // Whole words only: move the start forward to a word's beginning, the end back to a word's end.
  if (start > 0 && !SPACE.test(text[start - 1])) {
    const space = text.slice(start, first ? first.start : end).search(SPACE);
    if (space !== -1) start += space;
  }
  while (start < end && SPACE.test(text[start])) start++;
  if (end < text.length && !SPACE.test(text[end])) {
    const before = text.slice(start, end).search(/\s\S*$/u);
    if (before > 0 && start + before > (first?.end ?? start)) end = start + before;
  }
  while (end > start && SPACE.test(text[end - 1])) end--;
  const inside = marks
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start }));
  return { text: text.slice(start, end), marks: inside, offset: start, clippedStart: start > 0, clippedEnd: end < text.length };
}

/** Words as pg_trgm sees them: runs of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The lower-cased words of a query, each at least `minLength` long, without repeats. */
export function queryWords(query: string, minLength = 1): string[] {
  const words = (query.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= minLength);
  return [...new Set(words)];
}

/** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word.toLowerCase()} `;
  const chars = Array.from(padded);
  const set = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) set.add(chars.slice(i, i + 3).join(""));
  return set;
}

/** pg_trgm's similarity of two words: shared trigrams over all trigrams (0…1). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** How alike a word of the text and a word of the query must be to be marked (pg_trgm's default). */
export const SIMILAR_WORD = 0.3;

/**
 * Marks the words of `text` that are like a word of `query` by trigram similarity — for results
 * found by similarity, where the exact words typed are not in the text ("Nurimbetof").
 */
export function similarWordMarks(text: string, query: string, threshold = SIMILAR_WORD): TMark[] {
  const wanted = queryWords(query);
  if (wanted.length === 0) return [];
  const marks: TMark[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (wanted.some((w) => w === word || trigramSimilarity(w, word) >= threshold)) marks.push({ start: match.index, end: match.index + match[0].length });
  }
  return marks;
}
