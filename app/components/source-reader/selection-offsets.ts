/**
 * Maps a DOM selection in the source reader back to offsets in the source text. The text is drawn
 * as runs (one <span data-run-start> per segment, inside nested highlight <mark>s and paragraphs),
 * and the separators between paragraphs are not drawn at all, so DOM positions and text offsets
 * differ: a boundary inside a run's text node is `run start + offset in the node`; a boundary
 * between nodes snaps to the nearest run edge on the side that keeps the selection inside the text.
 */

/** The attribute every rendered text run carries: its start offset in the source text. */
export const RUN_START_ATTRIBUTE = "data-run-start";

export interface TSpanOffsets {
  start: number;
  end: number;
}

function runStart(run: Element): number {
  return Number(run.getAttribute(RUN_START_ATTRIBUTE));
}

function runEnd(run: Element): number {
  return runStart(run) + (run.textContent ?? "").length;
}

/**
 * The text offset of one boundary point. `side` decides where a point between runs goes: a start
 * moves forward to the next run, an end moves back to the previous one, so a selection that ends
 * at a paragraph's edge does not take the hidden blank line with it.
 */
export function offsetOfBoundary(container: Element, node: Node, offset: number, side: "start" | "end"): number | null {
  const runs = Array.from(container.querySelectorAll(`[${RUN_START_ATTRIBUTE}]`));
  if (runs.length === 0) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest(`[${RUN_START_ATTRIBUTE}]`);
    if (run && container.contains(run)) return runStart(run) + offset;
  }
  const point = document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  if (side === "start") {
    // The first run that begins at or after the point.
    for (const run of runs) if (point.comparePoint(run, 0) >= 0) return runStart(run);
    return runEnd(runs[runs.length - 1]);
  }
  // The last run that ends at or before the point.
  for (let i = runs.length - 1; i >= 0; i--) if (point.comparePoint(runs[i], runs[i].childNodes.length) <= 0) return runEnd(runs[i]);
  return runStart(runs[0]);
}

/** Offsets of the selection within `container`'s text, or null if it selects none of it. */
export function offsetsOfSelection(container: Element, selection: Selection | null, text: string): TSpanOffsets | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  if (!first.intersectsNode(container) && !last.intersectsNode(container)) return null;
  const start = offsetOfBoundary(container, first.startContainer, first.startOffset, "start");
  const end = offsetOfBoundary(container, last.endContainer, last.endOffset, "end");
  if (start === null || end === null) return null;
  return trimSpan(text, start, end);
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const LOW_SURROGATE = /[\uDC00-\uDFFF]/;

/**
 * Clamps a span to the text, keeps it off half a surrogate pair, and drops white space at either
 * edge (a double-click or a drag to the line's end picks up spaces and newlines nobody means to
 * quote). Null when nothing but white space is left.
 */
export function trimSpan(text: string, start: number, end: number): TSpanOffsets | null {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(0, Math.min(end, text.length));
  if (s > 0 && LOW_SURROGATE.test(text[s] ?? "") && HIGH_SURROGATE.test(text[s - 1])) s--;
  if (e < text.length && LOW_SURROGATE.test(text[e] ?? "") && HIGH_SURROGATE.test(text[e - 1] ?? "")) e++;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

/** A DOM Range over `[start, end)` of the text, for drawing the pending passage or restoring it. */
export function rangeOfOffsets(container: Element, start: number, end: number): Range | null {
  const runs = Array.from(container.querySelectorAll(`[${RUN_START_ATTRIBUTE}]`));
  const locate = (offset: number, side: "start" | "end"): [Node, number] | null => {
    for (const run of runs) {
      const from = runStart(run);
      const to = runEnd(run);
      const inside = side === "start" ? offset >= from && offset < to : offset > from && offset <= to;
      const textNode = run.firstChild;
      if (inside && textNode) return [textNode, offset - from];
    }
    // In a gap between paragraphs: the next run's start, or the previous run's end.
    if (side === "start") {
      const next = runs.find((run) => runStart(run) >= offset);
      return next?.firstChild ? [next.firstChild, 0] : null;
    }
    const previous = [...runs].reverse().find((run) => runEnd(run) <= offset);
    return previous?.firstChild ? [previous.firstChild, (previous.textContent ?? "").length] : null;
  };
  const from = locate(start, "start");
  const to = locate(end, "end");
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}
