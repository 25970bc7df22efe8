/**
 * The normal form in which a quote and a text are compared when they are not byte-for-byte the
 * same: what copying from a PDF, a web page or a word processor changes without changing the
 * words. Every character of the normal form remembers the span of the original text it came
 * from, so a match found in the normal form is a span of the original.
 */

/** A text in normal form, with the original span of each of its characters. */
export interface TNormalisedText {
  /** The normal form. */
  text: string;
  /** `starts[i]`: where in the original the character `text[i]` begins (UTF-16 offset). */
  starts: Int32Array;
  /** `ends[i]`: where in the original the character `text[i]` ends (exclusive). */
  ends: Int32Array;
}

/**
 * A base character and the combining marks after it are normalised together (NFKC composes
 * them); a run is cut after this many marks, so no single `normalize` call grows with a
 * hostile input and the whole pass stays linear.
 */
const MAX_MARKS_PER_RUN = 31;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;

/** Whether each BMP character is a combining mark, filled in as characters are met (0 unknown, 1 yes, 2 no). */
const markTable = new Uint8Array(0x10000);

function isMark(code: number): boolean {
  if (code < 0x300) return false;
  let known = markTable[code];
  if (known === 0) {
    known = MARK.test(String.fromCharCode(code)) ? 1 : 2;
    markTable[code] = known;
  }
  return known === 1;
}

/** NFKC of the runs met so far: texts repeat the same few characters, and `normalize` is the slow part. */
const runCache = new Map<string, string>();
const RUN_CACHE_SIZE = 4096;

function normaliseRun(run: string): string {
  let normal = runCache.get(run);
  if (normal === undefined) {
    normal = run.normalize("NFKC");
    if (runCache.size >= RUN_CACHE_SIZE) runCache.clear();
    runCache.set(run, normal);
  }
  return normal;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HYPHEN = 0x2d;
const SOFT_HYPHEN = 0xad;

/** Characters that count as one another once normalised; anything else is itself. */
function mapCode(code: number): number {
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
    case 0x0060: // `
    case 0x00b4: // ´
      return 0x27;
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
      return 0x22;
    case 0x2010: // ‐
    case 0x2011: // ‑
    case 0x2012: // ‒
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
    case 0x2212: // −
      return HYPHEN;
    default:
      return code;
  }
}

/** Characters with no width that copying adds or drops at will. */
function isDropped(code: number): boolean {
  return code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff;
}

function isSpace(code: number): boolean {
  return (
    code === SPACE ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isNewline(code: number): boolean {
  return code === NEWLINE || code === 0x0d || code === 0x2028 || code === 0x2029 || code === 0x85 || code === 0x0c;
}

function isLetterCode(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return true;
  if (code < 0x80) return false;
  return LETTER.test(String.fromCharCode(code));
}

/** A list of (code, start, end) triples in typed arrays, grown by doubling. */
interface TUnits {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

function createUnits(capacity: number): TUnits {
  const size = Math.max(16, capacity);
  return { codes: new Uint16Array(size), starts: new Int32Array(size), ends: new Int32Array(size), length: 0 };
}

function grow(units: TUnits): void {
  const size = units.codes.length * 2;
  const codes = new Uint16Array(size);
  codes.set(units.codes);
  const starts = new Int32Array(size);
  starts.set(units.starts);
  const ends = new Int32Array(size);
  ends.set(units.ends);
  units.codes = codes;
  units.starts = starts;
  units.ends = ends;
}

/**
 * First pass: NFKC per base character and its marks, quote marks and dashes made one, zero-width
 * characters dropped. Whitespace is kept (spaces as a space, line breaks as a newline) for the
 * second pass, which needs to see the line breaks to join hyphenated words.
 */
function mapCharacters(text: string): TUnits {
  const units = createUnits(text.length + 16);
  let { codes, starts, ends } = units;
  let n = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
    // Plain ASCII not followed by a combining mark (all marks are at U+0300 or above) is its own NFKC.
    if (code < 0x80 && next < 0x300) {
      if (n === codes.length) {
        units.length = n;
        grow(units);
        ({ codes, starts, ends } = units);
      }
      codes[n] = code === SPACE || (code >= 0x09 && code <= 0x0d) ? (code === SPACE || code === 0x09 || code === 0x0b ? SPACE : NEWLINE) : code === 0x60 ? 0x27 : code;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
      continue;
    }
    let runEnd = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) runEnd++;
    while (runEnd < length && runEnd - i <= MAX_MARKS_PER_RUN && isMark(text.charCodeAt(runEnd))) runEnd++;
    const normal = normaliseRun(text.slice(i, runEnd));
    for (let k = 0; k < normal.length; k++) {
      const c = normal.charCodeAt(k);
      if (isDropped(c)) continue;
      if (n === codes.length) {
        units.length = n;
        grow(units);
        ({ codes, starts, ends } = units);
      }
      codes[n] = isSpace(c) ? (isNewline(c) ? NEWLINE : SPACE) : mapCode(c);
      starts[n] = i;
      ends[n] = runEnd;
      n++;
    }
    i = runEnd;
  }
  units.length = n;
  return units;
}

/**
 * Normalises `text` in one linear pass and keeps where each character came from: Unicode NFKC,
 * curly and straight quotation marks and apostrophes made one, the dashes ‐ ‑ ‒ – — ― (and the
 * minus sign) made `-`, zero-width characters and soft hyphens dropped, a word hyphenated at a
 * line end (`organ-` + line break + `isation`) joined, and every run of whitespace made one space.
 */
export function normaliseText(text: string): TNormalisedText {
  const units = mapCharacters(text);
  const { codes, starts, ends, length } = units;
  // The second pass only removes characters, so it can write over the first pass's arrays.
  let n = 0;
  let i = 0;
  while (i < length) {
    const code = codes[i];
    if (code === SOFT_HYPHEN) {
      // A soft hyphen is only a place where a word may break: gone, and so is a line break after it.
      let j = i + 1;
      let newline = false;
      while (j < length && (codes[j] === SPACE || codes[j] === NEWLINE)) {
        if (codes[j] === NEWLINE) newline = true;
        j++;
      }
      i = newline && j < length && isLetterCode(codes[j]) ? j : i + 1;
      continue;
    }
    if (code !== SPACE && code !== NEWLINE) {
      codes[n] = code;
      starts[n] = starts[i];
      ends[n] = ends[i];
      n++;
      i++;
      continue;
    }
    let j = i;
    let newline = false;
    while (j < length && (codes[j] === SPACE || codes[j] === NEWLINE)) {
      if (codes[j] === NEWLINE) newline = true;
      j++;
    }
    const hyphenated =
      newline &&
      n >= 2 &&
      codes[n - 1] === HYPHEN &&
      isLetterCode(codes[n - 2]) &&
      j < length &&
      isLetterCode(codes[j]) &&
      // Only a hyphen right before the break: "organ- isation" typed on one line is two words.
      ends[n - 1] === starts[i];
    if (hyphenated) n--;
    else {
      const runStart = starts[i];
      codes[n] = SPACE;
      starts[n] = runStart;
      ends[n] = ends[j - 1];
      n++;
    }
    i = j;
  }
  return { text: decoder.decode(codes.subarray(0, n)), starts: starts.slice(0, n), ends: ends.slice(0, n) };
}

/**
 * UTF-16 code units → string in one call (browsers and Node alike; the platforms are
 * little-endian). A lone surrogate becomes U+FFFD, one unit for one, so offsets are kept.
 */
const decoder = new TextDecoder("utf-16le");

/**
 * The normal form of a quote: as `normaliseText`, without whitespace and ellipses at its ends
 * (a trimmed quote is often marked "…"; NFKC has already made "…" into "..."). Trimmed by a
 * loop rather than a regular expression anchored at the end, which backtracks quadratically on
 * a long run of dots.
 */
export function normaliseQuote(quote: string): string {
  const text = normaliseText(quote).text;
  let start = 0;
  let end = text.length;
  for (;;) {
    if (start < end && text.charCodeAt(start) === SPACE) start++;
    else if (end - start >= 3 && text.startsWith("...", start)) start += 3;
    else break;
  }
  for (;;) {
    if (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    else if (end - start >= 3 && text.startsWith("...", end - 3)) end -= 3;
    else break;
  }
  return text.slice(start, end);
}

/**
 * The original span of the normal form's `[start, end)`; `end > start`.
 */
export function toOriginalSpan(normal: TNormalisedText, start: number, end: number): { start: number; end: number } {
  return { start: normal.starts[start], end: normal.ends[end - 1] };
}
