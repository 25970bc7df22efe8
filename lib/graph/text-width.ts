import { INTER_WIDTHS } from "./inter-widths";

/**
 * Text measured by Inter's own advance widths (the font the pictures are rendered with), so a
 * picture drawn without a browser can wrap a claim to the card's width and cut it with "…" where
 * the card ends, as the canvas's line clamp does. Kerning is left out (it changes a line by a
 * pixel or two); a character outside the table counts 0.6 em.
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join("");

/** Printable ASCII, Latin-1 and Latin Extended-A, typographic punctuation, an arrow and the stance marks. */
export const INTER_CHARACTERS = range(0x20, 0x7e) + range(0xa0, 0x17f) + range(0x2010, 0x2027) + "\u2030\u2032\u2033\u2039\u203a\u2192\u2713\u25cb";

/** The font files the table is read from, by weight (@expo-google-fonts/inter). */
export const INTER_FILES = { 400: "400Regular/Inter_400Regular.ttf", 600: "600SemiBold/Inter_600SemiBold.ttf", 700: "700Bold/Inter_700Bold.ttf" } as const;

export type TFontWeight = keyof typeof INTER_FILES;

const UNKNOWN = 600;

/**
 * Advance widths (per 1000 em) by UTF-16 code unit, one table per weight, for the characters of
 * the table; every other character counts `UNKNOWN`. A typed array read per character is what
 * keeps wrapping thousands of cards (a large graph picture) in milliseconds.
 */
const TABLE_SIZE = Math.max(...[...INTER_CHARACTERS].map((ch) => ch.charCodeAt(0))) + 1;
const BY_CODE = Object.fromEntries(
  (Object.keys(INTER_FILES) as unknown as TFontWeight[]).map((weight) => {
    const table = new Float64Array(TABLE_SIZE).fill(UNKNOWN);
    [...INTER_CHARACTERS].forEach((ch, i) => {
      table[ch.charCodeAt(0)] = INTER_WIDTHS[weight][i] || UNKNOWN;
    });
    return [weight, table];
  }),
) as Record<TFontWeight, Float64Array>;

/** One UTF-16 code unit's advance (a surrogate pair counts as two unknown halves, half each). */
function advance(table: Float64Array, code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return UNKNOWN / 2;
  return code < TABLE_SIZE ? table[code] : UNKNOWN;
}

/** The width of `text` in pixels at `size`, in Inter of `weight`. */
export function textWidth(text: string, size: number, weight: TFontWeight = 400): number {
  const table = BY_CODE[weight];
  let total = 0;
  for (let i = 0; i < text.length; i++) total += advance(table, text.charCodeAt(i));
  return (total * size) / 1000;
}

/** `text` on one line of at most `width` pixels, cut at a character and ended with "…" when too long. */
export function fitLine(text: string, width: number, size: number, weight: TFontWeight = 400): string {
  if (textWidth(text, size, weight) <= width) return text;
  const table = BY_CODE[weight];
  const limit = (width * 1000) / size - advance(table, 0x2026);
  let used = 0;
  let end = 0;
  for (const ch of text) {
    let w = 0;
    for (let i = 0; i < ch.length; i++) w += advance(table, ch.charCodeAt(i));
    if (used + w > limit) break;
    used += w;
    end += ch.length;
  }
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Breaks text (white space collapsed) into lines of at most `width` pixels, at spaces; a word
 * longer than a line is cut. At most `maxLines`: the last one ends in "…" when text was left out.
 * Widths are summed as the line grows (never re-measured), and wrapping stops once a line past
 * `maxLines` has begun.
 */
export function wrapLines(text: string, width: number, size: number, weight: TFontWeight = 400, maxLines = Infinity): string[] {
  const limit = (width * 1000) / size;
  const table = BY_CODE[weight];
  const measure = (s: string) => {
    let total = 0;
    for (let i = 0; i < s.length; i++) total += advance(table, s.charCodeAt(i));
    return total;
  };
  const space = advance(table, 0x20);
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    if (lines.length > maxLines) break;
    if (!word) continue;
    const w = measure(word);
    if (line && used + space + w <= limit) {
      line = `${line} ${word}`;
      used += space + w;
      continue;
    }
    if (!line && w <= limit) {
      line = word;
      used = w;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    used = w;
    // A word wider than a line: cut it into pieces that fit.
    while (used > limit) {
      let piece = "";
      let pieceWidth = 0;
      for (const ch of line) {
        const c = measure(ch);
        if (pieceWidth + c > limit) break;
        piece += ch;
        pieceWidth += c;
      }
      if (!piece) piece = [...line][0];
      lines.push(piece);
      line = line.slice(piece.length);
      used = measure(line);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLine(`${kept[maxLines - 1]}…`, width, size, weight).replace(/[\s,;:.–—-]*…+$/, "…");
  return kept;
}
