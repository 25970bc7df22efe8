"use client";
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import type { TStance, TVoice } from "@/lib/domain/types";
import type { TClaimOption } from "../evidence/claim-picker";
import type { TEvidenceFormResult } from "../evidence/evidence-form";
import { useLive } from "../live/live-context";
import { HIGHLIGHT_CLASS, STANCE_LABEL, describeEvidence, highlightStyle } from "../stance";
import { TARGET_CLASS } from "../search/marked-text";
import { useHydrated } from "../use-hydrated";
import { CITE_WIDTH, CitePopover } from "./cite-popover";
import { ExcerptPanel, PANEL_WIDTH } from "./excerpt-panel";
import { segmentText, type TSegment } from "./segments";
import { RUN_START_ATTRIBUTE, offsetsOfSelection, rangeOfOffsets } from "./selection-offsets";

export interface TReaderEvidence {
  id: string;
  claimId: string;
  claimText: string;
  stance: TStance;
  voice: TVoice;
  note: string | null;
  /** Edits and deletes send it, so that a stale one is refused. */
  version: number;
}

export interface TReaderExcerpt {
  id: string;
  start: number;
  end: number;
  /** A delete sends it, so that a stale one is refused. */
  version: number;
  evidence: TReaderEvidence[];
}

interface TOpenPanel {
  /** By id, so the panel shows the latest data after a live refresh. */
  excerptIds: string[];
  anchor: HTMLElement;
  top: number;
  left: number;
}

type TInput = "pointer" | "touch" | "keyboard";

interface TPendingCite {
  start: number;
  end: number;
  top: number;
  left: number;
  via: TInput;
}

/** The name of the CSS highlight that draws the passage being cited while the form is open. */
const DRAFT_HIGHLIGHT = "stancemap-cite";
/** Touch selections are adjusted with handles; wait until they rest before opening the sheet. */
const SELECTION_SETTLE_MS = 400;
/** Selection changes this soon after the text re-rendered come from the DOM changing, not a person. */
const RENDER_QUIET_MS = 300;

const EXTEND_KEYS: Record<string, { direction: "forward" | "backward"; granularity: string }> = {
  ArrowRight: { direction: "forward", granularity: "character" },
  ArrowLeft: { direction: "backward", granularity: "character" },
  ArrowDown: { direction: "forward", granularity: "line" },
  ArrowUp: { direction: "backward", granularity: "line" },
  End: { direction: "forward", granularity: "lineboundary" },
  Home: { direction: "backward", granularity: "lineboundary" },
};

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** A span of the text named by `#at-<start>-<end>` (a search hit), drawn as one more run. */
interface TTargetSpan {
  id: typeof TARGET_ID;
  start: number;
  end: number;
}

const TARGET_ID = "at";

type TRun = TReaderExcerpt | TTargetSpan;

const isExcerpt = (run: TRun): run is TReaderExcerpt => "evidence" in run;

/**
 * What the address points at: an excerpt (`#excerpt-<id>`) or a span of the text found by search
 * (`#at-<start>-<end>`, UTF-16 offsets like every selector), if any.
 */
function useHashTarget(length: number): { excerptId: string | null; span: TTargetSpan | null } {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => "");
  const excerpt = /^#excerpt-(.+)$/.exec(hash);
  const at = /^#at-(\d+)-(\d+)$/.exec(hash);
  const start = at ? Number(at[1]) : NaN;
  const end = at ? Number(at[2]) : NaN;
  const span = useMemo<TTargetSpan | null>(() => (start < end && end <= length ? { id: TARGET_ID, start, end } : null), [start, end, length]);
  return { excerptId: excerpt ? decodeURIComponent(excerpt[1]) : null, span };
}

interface TSourceTextProps {
  slug: string;
  text: string;
  excerpts: TReaderExcerpt[];
  /** For editors: selecting a passage offers to cite it, and highlights can be edited. */
  sourceId?: string;
  canEdit?: boolean;
  claims?: TClaimOption[];
}

/**
 * The full text of a source with its excerpts drawn as highlights. The text is rendered exactly as
 * stored; a highlight that crosses a paragraph break becomes one <mark> per paragraph, and only the
 * first carries the `excerpt-<id>` anchor. Every run of text carries its start offset, so that a
 * selection maps back to the source's offsets (see `selection-offsets.ts`).
 */
export function SourceText({ slug, text, excerpts, sourceId, canEdit = false, claims = [] }: TSourceTextProps) {
  const { excerptId: target, span } = useHashTarget(text.length);
  const paragraphs = useMemo(() => segmentText<TRun>(text, span ? [...excerpts, span] : excerpts), [text, excerpts, span]);
  const live = useLive();
  const hydrated = useHydrated();
  const [panel, setPanel] = useState<TOpenPanel | null>(null);
  const [cite, setCite] = useState<TPendingCite | null>(null);
  const [done, setDone] = useState<TEvidenceFormResult | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const citeDirty = useRef(false);
  const pointerDown = useRef(false);
  const shiftHeld = useRef(false);
  const renderedAt = useRef(Number.NEGATIVE_INFINITY);
  const editable = canEdit && Boolean(sourceId);

  useEffect(() => {
    if (target) document.getElementById(`excerpt-${target}`)?.scrollIntoView({ block: "center" });
  }, [target]);

  useEffect(() => {
    if (span) document.getElementById(`at-${span.start}-${span.end}`)?.scrollIntoView({ block: "center" });
  }, [span]);

  // When the text re-renders under a selection (a live update adds a highlight), the browser moves
  // the selection itself; remember when, so that this is not taken for the reader's doing.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) renderedAt.current = performance.now();
    mounted.current = true;
  }, [paragraphs]);

  const byId = useMemo(() => new Map(excerpts.map((x) => [x.id, x])), [excerpts]);
  const panelExcerpts = panel
    ? panel.excerptIds.flatMap((id) => {
        const excerpt = byId.get(id);
        return excerpt ? [{ ...excerpt, exact: text.slice(excerpt.start, excerpt.end) }] : [];
      })
    : [];
  // Deleted meanwhile (by us or anyone): nothing left to show.
  useEffect(() => {
    if (panel && panelExcerpts.length === 0) setPanel(null);
  }, [panel, panelExcerpts.length]);

  /** Where a popover of `width` goes: under the last line of `rects`, inside the text column. */
  const placeUnder = useCallback((rects: ArrayLike<DOMRect>, width: number) => {
    const box = container.current?.getBoundingClientRect();
    const line = rects[rects.length - 1];
    if (!box || !line) return { top: 0, left: 0 };
    return { top: line.bottom - box.top + 8, left: Math.max(0, Math.min(line.left - box.left, box.width - width)) };
  }, []);

  const openPanel = (selected: TReaderExcerpt[], anchor: HTMLElement) => {
    if (cite && citeDirty.current) return;
    setCite(null);
    const rects = anchor.getClientRects();
    const { top, left } = placeUnder(rects.length ? rects : [anchor.getBoundingClientRect()], editable ? PANEL_WIDTH + 48 : PANEL_WIDTH);
    setPanel({ excerptIds: selected.map((x) => x.id), anchor, top, left });
  };

  const closePanel = (returnFocus: boolean) => {
    if (returnFocus && panel) focusAnchor(panel.anchor);
    setPanel(null);
  };

  /** Opens (or moves) the cite popover for the current selection, if it selects some of the text. */
  const evaluateSelection = useCallback(
    (via: TInput) => {
      const box = textBox.current;
      if (!editable || !box) return;
      const selection = window.getSelection();
      const span = offsetsOfSelection(box, selection, text);
      if (!span || !selection) return;
      const range = selection.getRangeAt(selection.rangeCount - 1);
      const rects = range.getClientRects();
      const place = placeUnder(rects.length ? rects : [range.getBoundingClientRect()], CITE_WIDTH);
      setPanel(null);
      setDone(null);
      setCite((current) => (current && current.start === span.start && current.end === span.end ? current : { ...span, ...place, via: current?.via ?? via }));
    },
    [editable, text, placeUnder],
  );

  // Touch selections (long-press, then handles) and anything else that changes the selection
  // without a mouseup or a Shift release: act once it has rested.
  useEffect(() => {
    if (!editable) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (pointerDown.current || shiftHeld.current) return;
      if (performance.now() - renderedAt.current < RENDER_QUIET_MS) return;
      clearTimeout(timer);
      timer = setTimeout(() => evaluateSelection("touch"), SELECTION_SETTLE_MS);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (textBox.current?.contains(event.target as Node)) pointerDown.current = true;
    };
    const onPointerUp = () => {
      pointerDown.current = false;
    };
    const onBlur = () => {
      shiftHeld.current = false;
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("pointerup", onPointerUp, true);
    document.addEventListener("pointercancel", onPointerUp, true);
    window.addEventListener("blur", onBlur);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("pointerup", onPointerUp, true);
      document.removeEventListener("pointercancel", onPointerUp, true);
      window.removeEventListener("blur", onBlur);
    };
  }, [editable, evaluateSelection]);

  // A pristine popover closes when the reader clicks elsewhere; one holding input stays.
  useEffect(() => {
    if (!cite) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (citeDirty.current || container.current?.contains(target)) return;
      setCite(null);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [cite]);

  // The passage being cited stays visibly marked while focus is in the form (which clears the
  // browser's own selection), without changing the text's DOM.
  useLayoutEffect(() => {
    const box = textBox.current;
    if (!cite || !box || typeof CSS === "undefined" || !("highlights" in CSS) || typeof Highlight === "undefined") return;
    const range = rangeOfOffsets(box, cite.start, cite.end);
    if (!range) return;
    CSS.highlights.set(DRAFT_HIGHLIGHT, new Highlight(range));
    return () => {
      CSS.highlights.delete(DRAFT_HIGHLIGHT);
    };
  }, [cite, paragraphs]);

  const restoreSelection = (span: { start: number; end: number }) => {
    const box = textBox.current;
    const range = box && rangeOfOffsets(box, span.start, span.end);
    const selection = window.getSelection();
    if (!range || !selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
    box.focus({ preventScroll: true });
  };

  const cancelCite = () => {
    const closing = cite;
    setCite(null);
    citeDirty.current = false;
    // Keyboard users go back to the selection, to adjust it and try again.
    if (closing?.via === "keyboard") restoreSelection(closing);
    else window.getSelection()?.removeAllRanges();
  };

  const citeDone = (result: TEvidenceFormResult) => {
    const closing = cite;
    setCite(null);
    citeDirty.current = false;
    window.getSelection()?.removeAllRanges();
    setDone(result);
    live.refresh();
    if (closing?.via === "keyboard") textBox.current?.focus({ preventScroll: true });
  };

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 6000);
    return () => clearTimeout(timer);
  }, [done]);

  /** Shift+arrows extend the selection inside the focused text, starting at the first line in view. */
  const onTextKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!editable || event.target !== event.currentTarget) return;
    const selection = window.getSelection();
    if (!selection) return;
    const extend = EXTEND_KEYS[event.key];
    if (event.shiftKey && extend) {
      event.preventDefault();
      shiftHeld.current = true;
      placeCaretIfOutside(event.currentTarget, selection);
      const granularity = extend.granularity === "character" && (event.ctrlKey || event.altKey) ? "word" : extend.granularity;
      selection.modify("extend", extend.direction, granularity);
    } else if (!event.shiftKey && (event.key === "ArrowLeft" || event.key === "ArrowRight") && event.currentTarget.contains(selection.anchorNode)) {
      event.preventDefault();
      selection.modify("move", event.key === "ArrowRight" ? "forward" : "backward", event.ctrlKey || event.altKey ? "word" : "character");
    } else if (event.key === "Enter" && !selection.isCollapsed) {
      event.preventDefault();
      evaluateSelection("keyboard");
    }
  };

  const onTextKeyUp = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!editable || event.key !== "Shift") return;
    shiftHeld.current = false;
    evaluateSelection("keyboard");
  };

  const renderSegment = (segment: TSegment<TRun>): ReactNode => {
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
          targeted={target === excerpt.id}
          onOpen={innermost ? (el) => openPanel(covering, el) : undefined}
          onKeyOpen={(el) => openPanel([excerpt], el)}
        >
          {node}
        </HighlightMark>
      );
    }
    return node;
  };

  return (
    <div ref={container} className="relative">
      <div
        ref={textBox}
        data-testid="source-text"
        data-cite-ready={editable && hydrated ? "true" : undefined}
        tabIndex={editable ? 0 : undefined}
        aria-label={editable ? "Source text. Select a passage to cite it; with the keyboard, hold Shift and use the arrow keys, then release Shift." : undefined}
        onKeyDown={editable ? onTextKeyDown : undefined}
        onKeyUp={editable ? onTextKeyUp : undefined}
        onMouseUp={
          editable
            ? () => {
                pointerDown.current = false;
                // The selection is final only after the event; read it on the next tick.
                setTimeout(() => {
                  const selection = window.getSelection();
                  if (selection && !selection.isCollapsed) evaluateSelection("pointer");
                  else if (cite && !citeDirty.current) setCite(null);
                }, 0);
              }
            : undefined
        }
        onTouchEnd={editable ? () => setTimeout(() => evaluateSelection("touch"), SELECTION_SETTLE_MS) : undefined}
        className="peer rounded-sm font-serif text-lg leading-8 text-slate-900 outline-offset-8 sm:text-xl sm:leading-9 dark:text-slate-100"
      >
        {paragraphs.map((paragraph) => (
          <p
            key={paragraph.start}
            // A passage found by search may lie under highlights: a bar beside its paragraphs shows it too.
            data-search-target={span && span.start < paragraph.end && span.end > paragraph.start ? "true" : undefined}
            className="mb-6 whitespace-pre-wrap break-words data-[search-target=true]:-ml-3 data-[search-target=true]:border-l-4 data-[search-target=true]:border-yellow-400 data-[search-target=true]:pl-2"
          >
            {paragraph.segments.map((segment) => (
              <Fragment key={segment.start}>{renderSegment(segment)}</Fragment>
            ))}
          </p>
        ))}
      </div>
      {editable && (
        <p
          aria-hidden="true"
          className="pointer-events-none fixed bottom-4 left-1/2 z-30 hidden -translate-x-1/2 rounded-full bg-slate-900/90 px-4 py-2 text-sm text-white shadow-lg peer-focus-visible:block print:hidden dark:bg-slate-100/90 dark:text-slate-900"
        >
          Hold Shift and use the arrow keys to select; release Shift to cite
        </p>
      )}
      {panel && panelExcerpts.length > 0 && (
        <ExcerptPanel
          slug={slug}
          excerpts={panelExcerpts}
          top={panel.top}
          left={panel.left}
          anchor={panel.anchor}
          onClose={closePanel}
          canEdit={editable}
          claims={claims}
        />
      )}
      {cite && sourceId && (
        <CitePopover
          slug={slug}
          sourceId={sourceId}
          text={text}
          start={cite.start}
          end={cite.end}
          claims={claims}
          top={cite.top}
          left={cite.left}
          takeFocus={cite.via !== "touch"}
          onCancel={cancelCite}
          onDone={citeDone}
          onDirtyChange={(dirty) => {
            citeDirty.current = dirty;
          }}
        />
      )}
      <div role="status" aria-live="polite" className="print:hidden">
        {done && (
          <p
            data-testid="cite-done"
            className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-xl dark:bg-slate-100 dark:text-slate-900"
          >
            Passage cited — {STANCE_LABEL[done.stance].toLowerCase()} “{done.claimText}”.
          </p>
        )}
      </div>
    </div>
  );
}

/** With no selection in the text yet, start one at the first line in view. */
function placeCaretIfOutside(box: HTMLElement, selection: Selection) {
  if (selection.rangeCount > 0 && box.contains(selection.anchorNode) && box.contains(selection.focusNode)) return;
  const runs = Array.from(box.querySelectorAll(`[${RUN_START_ATTRIBUTE}]`));
  const inView = runs.find((run) => run.getBoundingClientRect().bottom > 0) ?? runs[0];
  if (inView?.firstChild) selection.collapse(inView.firstChild, 0);
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

function HighlightMark({ excerpt, first, depth, targeted, onOpen, onKeyOpen, children }: THighlightProps) {
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
      className={`scroll-mt-24 cursor-pointer rounded-sm text-inherit underline decoration-2 underline-offset-4 [box-decoration-break:clone] ${HIGHLIGHT_CLASS[style]} data-[target=true]:outline-3 data-[target=true]:outline-offset-2 data-[target=true]:outline-slate-900 dark:data-[target=true]:outline-white`}
    >
      {children}
    </mark>
  );
}
