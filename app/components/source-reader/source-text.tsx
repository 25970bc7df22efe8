"use client";
import { Fragment, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import type { TStance, TVoice } from "@/lib/domain/types";
import { HIGHLIGHT_CLASS, describeEvidence, highlightStyle } from "../stance";
import { ExcerptPanel, PANEL_WIDTH } from "./excerpt-panel";
import { segmentText, type TSegment } from "./segments";

export interface TReaderEvidence {
  id: string;
  claimId: string;
  claimText: string;
  stance: TStance;
  voice: TVoice;
  note: string | null;
}

export interface TReaderExcerpt {
  id: string;
  start: number;
  end: number;
  evidence: TReaderEvidence[];
}

interface TOpenPanel {
  excerpts: TReaderExcerpt[];
  anchor: HTMLElement;
  top: number;
  left: number;
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The excerpt named by `#excerpt-<id>` in the address, if any. */
function useTargetExcerpt(): string | null {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => "");
  const match = /^#excerpt-(.+)$/.exec(hash);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The full text of a source with its excerpts drawn as highlights. The text is rendered exactly as
 * stored; a highlight that crosses a paragraph break becomes one <mark> per paragraph, and only the
 * first carries the `excerpt-<id>` anchor.
 */
export function SourceText({ slug, text, excerpts }: { slug: string; text: string; excerpts: TReaderExcerpt[] }) {
  const paragraphs = useMemo(() => segmentText(text, excerpts), [text, excerpts]);
  const target = useTargetExcerpt();
  const [panel, setPanel] = useState<TOpenPanel | null>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (target) document.getElementById(`excerpt-${target}`)?.scrollIntoView({ block: "center" });
  }, [target]);

  const openPanel = (selected: TReaderExcerpt[], anchor: HTMLElement) => {
    const box = container.current?.getBoundingClientRect();
    const rects = anchor.getClientRects();
    // Below the last line of the passage, so the panel never covers the words it explains.
    const line = rects[rects.length - 1] ?? anchor.getBoundingClientRect();
    const left = box ? Math.max(0, Math.min(line.left - box.left, box.width - PANEL_WIDTH)) : 0;
    const top = box ? line.bottom - box.top + 8 : 0;
    setPanel({ excerpts: selected, anchor, top, left });
  };

  const closePanel = (returnFocus: boolean) => {
    if (returnFocus && panel) focusAnchor(panel.anchor);
    setPanel(null);
  };

  const renderSegment = (segment: TSegment<TReaderExcerpt>): ReactNode => {
    let node: ReactNode = text.slice(segment.start, segment.end);
    const covering = segment.excerpts.map((x) => x.excerpt);
    for (let depth = segment.excerpts.length - 1; depth >= 0; depth--) {
      const { excerpt, first } = segment.excerpts[depth];
      const innermost = depth === segment.excerpts.length - 1;
      node = (
        <Highlight
          excerpt={excerpt}
          first={first}
          depth={depth}
          targeted={target === excerpt.id}
          onOpen={innermost ? (el) => openPanel(covering, el) : undefined}
          onKeyOpen={(el) => openPanel([excerpt], el)}
        >
          {node}
        </Highlight>
      );
    }
    return node;
  };

  return (
    <div ref={container} className="relative">
      <div data-testid="source-text" className="font-serif text-lg leading-8 text-slate-900 sm:text-xl sm:leading-9 dark:text-slate-100">
        {paragraphs.map((paragraph) => (
          <p key={paragraph.start} className="mb-6 whitespace-pre-wrap break-words">
            {paragraph.segments.map((segment) => (
              <Fragment key={segment.start}>{renderSegment(segment)}</Fragment>
            ))}
          </p>
        ))}
      </div>
      {panel && <ExcerptPanel slug={slug} excerpts={panel.excerpts} top={panel.top} left={panel.left} anchor={panel.anchor} onClose={closePanel} />}
    </div>
  );
}

/** Focus goes back to the passage's focusable first piece, wherever the panel was opened from. */
function focusAnchor(anchor: HTMLElement) {
  const id = anchor.dataset.excerptId;
  const first = id ? document.getElementById(`excerpt-${id}`) : null;
  (first ?? anchor).focus({ preventScroll: true });
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

function Highlight({ excerpt, first, depth, targeted, onOpen, onKeyOpen, children }: THighlightProps) {
  const style = highlightStyle(excerpt.evidence.map((e) => e.stance));
  const label = describeEvidence(excerpt.evidence);
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
      data-target={targeted ? "true" : undefined}
      title={label}
      aria-label={first ? label : undefined}
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
      className={`scroll-mt-24 cursor-pointer rounded-sm text-inherit underline decoration-2 underline-offset-4 [box-decoration-break:clone] ${HIGHLIGHT_CLASS[style]} data-[target=true]:outline-3 data-[target=true]:outline-offset-2 data-[target=true]:outline-slate-900 dark:data-[target=true]:outline-white`}
    >
      {children}
    </mark>
  );
}
