/**
 * The page a place in a source's text falls on, from the offsets where its pages start (a PDF's
 * text keeps them): 1 for the first page; null for a source without pages (pasted text, a web page).
 */
export function pageAt(pageStarts: readonly number[] | null | undefined, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  let low = 0;
  let high = pageStarts.length - 1;
  // The last page whose start is at or before the offset.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pageStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * Page starts as a source may keep them: ascending offsets within a text of `length` characters,
 * the first at 0 (anything else is dropped, from the first offset out of order on), at most `max`.
 */
export function tidyPageStarts(starts: readonly number[] | null | undefined, length: number, max: number): number[] {
  const kept: number[] = [];
  for (const start of starts ?? []) {
    if (kept.length >= max || !Number.isInteger(start) || start < (kept.at(-1) ?? 0) || start > length) break;
    kept.push(start);
  }
  return kept[0] === 0 ? kept : [];
}

/** "p. 7" beside a quote, or nothing. */
export function pageLabel(page: number | null | undefined): string {
  return page ? `p. ${page}` : "";
}
