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

const INDEX = new Map([...INTER_CHARACTERS].map((ch, i) => [ch, i]));
const UNKNOWN = 600;

/** The width of `text` in pixels at `size`, in Inter of `weight`. */
export function textWidth(text: string, size: number, weight: TFontWeight = 400): number {
  const widths = INTER_WIDTHS[weight];
  let total = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    total += (i === undefined ? 0 : widths[i]) || UNKNOWN;
  }
  return (total * size) / 1000;
}

/** `text` on one line of at most `width` pixels, cut at a character and ended with "…" when too long. */
export function fitLine(text: string, width: number, size: number, weight: TFontWeight = 400): string {
  if (textWidth(text, size, weight) <= width) return text;
  let kept = "";
  for (const ch of text) {
    if (textWidth(`${kept}${ch}…`, size, weight) > width) break;
    kept += ch;
  }
  return `${kept.trimEnd()}…`;
}

/**
 * Breaks text (white space collapsed) into lines of at most `width` pixels, at spaces; a word
 * longer than a line is cut. At most `maxLines`: the last one ends in "…" when text was left out.
 */
export function wrapLines(text: string, width: number, size: number, weight: TFontWeight = 400, maxLines = Infinity): string[] {
  const fits = (line: string) => textWidth(line, size, weight) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    if (!word) continue;
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than a line: cut it into pieces that fit.
    while (!fits(line)) {
      let piece = "";
      for (const ch of line) {
        if (!fits(piece + ch)) break;
        piece += ch;
      }
      if (!piece) piece = [...line][0];
      lines.push(piece);
      line = line.slice(piece.length);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLine(`${kept[maxLines - 1]}…`, width, size, weight).replace(/[\s,;:.–—-]*…+$/, "…");
  return kept;
}
