/**
 * A PDF's text layer as a source's text. The PDF reader (pdf.js, in a worker thread) hands over
 * each page's text items in the order the page draws them, which for articles and reports is the
 * reading order; this turns them into lines, drops the running headers, footers and page numbers
 * that repeat at the top or bottom of most pages, joins words hyphenated at a line's end, keeps
 * paragraphs apart (a blank line where the gap between lines is clearly larger than the page's
 * usual line spacing) and records where each page starts in the text. Linear in the items.
 */

/** One run of text as pdf.js reports it: its string, where it starts (PDF units, y upwards), its width and height, and whether a line ends after it. */
export interface TPdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  eol: boolean;
}

export interface TPdfText {
  text: string;
  /** UTF-16 offset in `text` where each page starts (page 1 first). */
  pages: number[];
}

interface TLine {
  text: string;
  y: number;
  h: number;
}

/** A line counts as boilerplate when it (digits aside) is at a page's edge on at least this share of pages. */
const BOILERPLATE_SHARE = 0.5;
/** How many lines at each edge of a page may be running headers or footers. */
const EDGE_LINES = 3;
/** A gap larger than this many times the usual line spacing starts a new paragraph. */
const PARAGRAPH_GAP = 1.4;

/** The page's items grouped into lines: a line ends where pdf.js says so or where the baseline moves by more than half a line. */
export function linesOfPage(items: readonly TPdfItem[]): TLine[] {
  const lines: TLine[] = [];
  let parts: string[] = [];
  let lastEnd = -Infinity;
  let current: { y: number; h: number } | null = null;
  const flush = () => {
    const text = parts.join("").replace(/\s+/g, " ").trim();
    if (current && text) lines.push({ text, y: current.y, h: current.h });
    parts = [];
    current = null;
    lastEnd = -Infinity;
  };
  for (const item of items) {
    if (current && item.str && Math.abs(item.y - current.y) > Math.max(current.h, item.h, 1) / 2) flush();
    if (item.str) {
      if (!current) current = { y: item.y, h: item.h };
      // Items of one line drawn apart with no space between them (justified text) are separate words.
      const previous = parts.at(-1);
      if (previous && !/\s$/.test(previous) && !/^\s/.test(item.str) && item.x - lastEnd > Math.max(item.h, 1) * 0.15) parts.push(" ");
      parts.push(item.str);
      lastEnd = item.x + item.w;
      current.h = Math.max(current.h, item.h);
    }
    if (item.eol) flush();
  }
  flush();
  return lines;
}

/** A line with its digits stood for by one sign, so "Page 3 of 12" and "Page 4 of 12" are the same running line. */
function edgeKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
}

/**
 * Lines at the top or bottom of a page that repeat (digits aside) on at least half of the
 * document's pages: running heads, footers, page numbers. A document of one or two pages has none.
 */
function boilerplateKeys(pages: readonly TLine[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const line of [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]) seen.add(edgeKey(line.text));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = new Set<string>();
  if (pages.length < 3) return keys;
  const needed = Math.max(2, Math.ceil(pages.length * BOILERPLATE_SHARE));
  for (const [key, count] of counts) if (count >= needed) keys.add(key);
  return keys;
}

/** The page's lines without its running lines at the top and bottom. */
function withoutEdges(lines: TLine[], boilerplate: Set<string>): TLine[] {
  let first = 0;
  let last = lines.length;
  while (first < Math.min(EDGE_LINES, last) && boilerplate.has(edgeKey(lines[first].text))) first++;
  let dropped = 0;
  while (last > first && dropped < EDGE_LINES && boilerplate.has(edgeKey(lines[last - 1].text))) {
    last--;
    dropped++;
  }
  return lines.slice(first, last);
}

/**
 * The document's usual distance between consecutive lines (the median over all pages, so a short
 * last page of separate paragraphs is measured by the others), or null with no two lines on a page.
 */
function lineSpacing(pages: readonly TLine[][]): number | null {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/**
 * A word broken at the end of a line ("organi-" + "zation"): a letter, then a hyphen, then a
 * lower-case letter on the next line. Without a dictionary a compound broken at its own hyphen
 * ("self-" + "defence") cannot be told apart and is joined too.
 */
const BROKEN_WORD_END = /\p{L}-$/u;
const CONTINUES_WORD = /^\p{Ll}/u;

/** Each page's text items → the document's text and the offsets where its pages start. */
export function assemblePdfText(pages: readonly (readonly TPdfItem[])[]): TPdfText {
  const linesByPage = pages.map(linesOfPage);
  const boilerplate = boilerplateKeys(linesByPage);
  const bodies = linesByPage.map((lines) => withoutEdges(lines, boilerplate));
  const spacing = lineSpacing(bodies);
  const out: string[] = [];
  let length = 0;
  const starts: number[] = [];
  let previous: string | null = null;
  const append = (piece: string) => {
    out.push(piece);
    length += piece.length;
  };
  for (const lines of bodies) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (previous !== null) {
        // Within a page a paragraph ends at a wide gap; across pages, where a sentence ended.
        const gap = i > 0 ? lines[i - 1].y - line.y : null;
        const newParagraph = gap !== null ? spacing !== null && gap > spacing * PARAGRAPH_GAP : /[.!?:;”"’)]$/.test(previous);
        if (newParagraph) append("\n\n");
        else if (BROKEN_WORD_END.test(previous) && CONTINUES_WORD.test(line.text)) {
          out[out.length - 1] = previous.slice(0, -1);
          length -= 1;
          // A hyphen before a capital or a digit is the word's own ("anti-NATO", "post-2008"): kept, with no space after it.
        } else if (!BROKEN_WORD_END.test(previous)) append(" ");
      }
      if (i === 0) starts.push(length);
      append(line.text);
      previous = line.text;
    }
    if (lines.length === 0) starts.push(length);
  }
  return { text: out.join(""), pages: starts };
}
