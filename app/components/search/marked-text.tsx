import { Fragment } from "react";
import type { TMark } from "@/lib/domain/search";

/** Search-match highlight: a highlighter yellow, far from every stance colour, in both themes. */
export const MATCH_CLASS = "rounded-sm bg-yellow-200 px-px text-inherit dark:bg-yellow-300 dark:text-slate-950";

/** A whole passage opened from a search result, in the source reader. */
export const TARGET_CLASS = "bg-yellow-100 text-inherit dark:bg-yellow-900/40";

/**
 * Text with its matching words in <mark>. The text is rendered as text (never as HTML); marks are
 * offsets into it, as the search API returns them.
 */
export function MarkedText({ text, marks, clippedStart = false, clippedEnd = false }: { text: string; marks: readonly TMark[]; clippedStart?: boolean; clippedEnd?: boolean }) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end > text.length) continue;
    if (mark.start > at) pieces.push(<Fragment key={`t${at}`}>{text.slice(at, mark.start)}</Fragment>);
    pieces.push(
      <mark key={`m${mark.start}`} data-testid="match" className={MATCH_CLASS}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  if (at < text.length) pieces.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  return (
    <>
      {clippedStart && <span aria-hidden="true">… </span>}
      {pieces}
      {clippedEnd && <span aria-hidden="true"> …</span>}
    </>
  );
}

/** Where a passage of a source opens in the reader, scrolled to and marked. */
export function passageHref(slug: string, sourceId: string, start: number, end: number): string {
  return `/w/${slug}/sources/${sourceId}#at-${start}-${end}`;
}
