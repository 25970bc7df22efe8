/**
 * Splits a source's text into paragraphs and each paragraph into runs that are covered by the
 * same set of excerpts, so overlapping excerpts and excerpts that cross a paragraph break can be
 * drawn as nested <mark>s without ever changing a character of the text.
 */

export interface TSpan {
  start: number;
  end: number;
}

export interface TSegmentExcerpt<T> {
  excerpt: T;
  /** True on the first run of the excerpt: that piece carries its anchor id and takes focus. */
  first: boolean;
}

export interface TSegment<T> extends TSpan {
  /** Excerpts covering this run, outermost (earliest start, then longest) first. */
  excerpts: TSegmentExcerpt<T>[];
}

export interface TParagraph<T> extends TSpan {
  segments: TSegment<T>[];
}

/** A blank line (possibly holding spaces) ends a paragraph; single newlines stay inside it. */
const PARAGRAPH_BREAK = /\n(?:[^\S\n]*\n)+/g;

export function splitParagraphs(text: string): TSpan[] {
  const spans: TSpan[] = [];
  const push = (start: number, end: number) => {
    // A lone newline at either edge (start or end of the text) is a separator, not content.
    while (start < end && (text[start] === "\n" || text[start] === "\r")) start++;
    while (end > start && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
    if (text.slice(start, end).trim() !== "") spans.push({ start, end });
  };
  let last = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(last, match.index);
    last = match.index + match[0].length;
  }
  push(last, text.length);
  return spans;
}

function outermostFirst(a: TSpan & { id: string }, b: TSpan & { id: string }): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Paragraphs with their runs. Offsets are UTF-16 indices into `text`, ends exclusive. */
export function segmentText<T extends TSpan & { id: string }>(text: string, excerpts: readonly T[]): TParagraph<T>[] {
  return segmentSpans(text.length, splitParagraphs(text), excerpts);
}

/**
 * Cuts each of `spans` (pieces of the text drawn on screen, in text order: paragraphs, or the
 * words of a rendered Markdown block) into runs covered by the same excerpts. The first run of
 * each excerpt, over all spans, is marked `first`.
 */
export function segmentSpans<T extends TSpan & { id: string }>(length: number, spans: readonly TSpan[], excerpts: readonly T[]): TParagraph<T>[] {
  const live = excerpts
    .map((x) => ({ excerpt: x, id: x.id, start: Math.max(0, x.start), end: Math.min(length, x.end) }))
    .filter((x) => x.start < x.end)
    .sort(outermostFirst);
  const seen = new Set<string>();

  return spans.map((paragraph) => {
    const inside = live.filter((x) => x.start < paragraph.end && x.end > paragraph.start);
    const cuts = new Set([paragraph.start, paragraph.end]);
    for (const x of inside) {
      if (x.start > paragraph.start) cuts.add(x.start);
      if (x.end < paragraph.end) cuts.add(x.end);
    }
    const bounds = [...cuts].sort((a, b) => a - b);
    const segments: TSegment<T>[] = [];
    for (let i = 0; i < bounds.length - 1; i++) {
      const start = bounds[i];
      const end = bounds[i + 1];
      const covering = inside.filter((x) => x.start <= start && x.end >= end);
      segments.push({
        start,
        end,
        excerpts: covering.map((x) => {
          const first = !seen.has(x.id);
          seen.add(x.id);
          return { excerpt: x.excerpt, first };
        }),
      });
    }
    return { start: paragraph.start, end: paragraph.end, segments };
  });
}
