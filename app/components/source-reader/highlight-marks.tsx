"use client";
import type { KeyboardEvent, ReactNode } from "react";
import { TARGET_CLASS } from "../search/marked-text";
import { HIGHLIGHT_CLASS, describeEvidence, highlightStyle } from "../stance";
import { describeAnchoring } from "./approximate-anchor";
import { isExcerpt, type TReaderExcerpt, type TRun } from "./reader-types";
import type { TSegment } from "./segments";
import { RUN_START_ATTRIBUTE } from "./selection-offsets";

/**
 * One segment of the text: its run (carrying its start offset, so a selection maps back to the
 * source's offsets), inside a mark per excerpt covering it and the search target's mark. A click
 * on the innermost mark opens every excerpt covering the segment; a key on a mark opens its own.
 */
export function renderSegment(
  text: string,
  segment: TSegment<TRun>,
  { targetId, onOpen }: { targetId: string | null; onOpen: (excerpts: TReaderExcerpt[], anchor: HTMLElement) => void },
): ReactNode {
  let node: ReactNode = <span {...{ [RUN_START_ATTRIBUTE]: segment.start }}>{text.slice(segment.start, segment.end)}</span>;
  const covering = segment.excerpts.map((x) => x.excerpt).filter(isExcerpt);
  const innermostExcerpt = segment.excerpts.findLastIndex((x) => isExcerpt(x.excerpt));
  for (let depth = segment.excerpts.length - 1; depth >= 0; depth--) {
    const { excerpt, first } = segment.excerpts[depth];
    if (!isExcerpt(excerpt)) {
      node = (
        <mark
          id={first ? `at-${excerpt.start}-${excerpt.end}` : undefined}
          data-testid="search-target"
          title={first ? "The passage found by search" : undefined}
          className={`scroll-mt-24 [box-decoration-break:clone] ${TARGET_CLASS}`}
        >
          {node}
        </mark>
      );
      continue;
    }
    const innermost = depth === innermostExcerpt;
    node = (
      <HighlightMark
        excerpt={excerpt}
        first={first}
        depth={depth}
        targeted={targetId === excerpt.id}
        onOpen={innermost ? (el) => onOpen(covering, el) : undefined}
        onKeyOpen={(el) => onOpen([excerpt], el)}
      >
        {node}
      </HighlightMark>
    );
  }
  return node;
}

interface THighlightProps {
  excerpt: TReaderExcerpt;
  first: boolean;
  depth: number;
  targeted: boolean;
  /** Set on the innermost mark of a run, which receives the click for every excerpt covering it. */
  onOpen?: (el: HTMLElement) => void;
  onKeyOpen: (el: HTMLElement) => void;
  children: ReactNode;
}

function HighlightMark({ excerpt, first, depth, targeted, onOpen, onKeyOpen, children }: THighlightProps) {
  const style = highlightStyle(excerpt.evidence.map((e) => e.stance));
  const approximate = describeAnchoring(excerpt.anchoring);
  const label = approximate ? `${describeEvidence(excerpt.evidence)} — ${approximate}` : describeEvidence(excerpt.evidence);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.target !== event.currentTarget || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    onKeyOpen(event.currentTarget);
  };
  return (
    <mark
      id={first ? `excerpt-${excerpt.id}` : undefined}
      data-testid="excerpt-highlight"
      data-excerpt-id={excerpt.id}
      data-stance={style}
      data-anchoring={excerpt.anchoring?.method}
      data-target={targeted ? "true" : undefined}
      title={label}
      // The passage itself names the button (what a sighted reader sees); what it is evidence for
      // is its description.
      aria-description={first ? label : undefined}
      role={first ? "button" : undefined}
      aria-haspopup={first ? "dialog" : undefined}
      tabIndex={first ? 0 : undefined}
      onKeyDown={first ? onKeyDown : undefined}
      onClick={
        onOpen
          ? (event) => {
              // A drag that selects text is a selection, not a request for the panel.
              if (!window.getSelection()?.isCollapsed) return;
              onOpen(event.currentTarget);
            }
          : undefined
      }
      // Nested highlights sit their underlines lower so each stays visible.
      style={depth > 0 ? { textUnderlineOffset: `${4 + depth * 5}px` } : undefined}
      className={`scroll-mt-24 cursor-pointer rounded-sm text-inherit underline decoration-2 underline-offset-4 data-[anchoring=fuzzy]:decoration-dotted [box-decoration-break:clone] ${HIGHLIGHT_CLASS[style]} data-[target=true]:outline-3 data-[target=true]:outline-offset-2 data-[target=true]:outline-slate-900 dark:data-[target=true]:outline-white`}
    >
      {children}
    </mark>
  );
}
