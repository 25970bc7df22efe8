"use client";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TClaimOption } from "../evidence/claim-picker";
import type { TEvidenceFormResult } from "../evidence/evidence-form";
import { useLive } from "../live/live-context";
import { STANCE_LABEL } from "../stance";
import { useHydrated } from "../use-hydrated";
import { CitePopover } from "./cite-popover";
import { ExcerptPanel, PANEL_WIDTH } from "./excerpt-panel";
import { renderSegment } from "./highlight-marks";
import type { TReaderExcerpt, TRun } from "./reader-types";
import { leavesOf, readMarkdownBlocks, visibleText, type TMarkdownBlock } from "./markdown-blocks";
import { MarkdownBody } from "./markdown-body";
import { segmentSpans, segmentText } from "./segments";
import { useCiteSelection } from "./use-cite-selection";
import { useHashTarget } from "./use-hash-target";

interface TOpenPanel {
  /** By id, so the panel shows the latest data after a live refresh. */
  excerptIds: string[];
  anchor: HTMLElement;
  top: number;
  left: number;
}

interface TSourceTextProps {
  slug: string;
  text: string;
  /** Markdown is drawn rendered once the page is in the browser (see `readMarkdownBlocks`); before, and when it cannot be, as plain text. */
  format?: "text" | "markdown";
  excerpts: TReaderExcerpt[];
  /** For editors: selecting a passage offers to cite it, and highlights can be edited. */
  sourceId?: string;
  canEdit?: boolean;
  claims?: TClaimOption[];
}

/**
 * The full text of a source with its excerpts drawn as highlights. The text is rendered exactly as
 * stored (Markdown rendered, its syntax left out: `markdown-blocks.ts`); a highlight that crosses a paragraph break becomes one <mark> per paragraph, and only the
 * first carries the `excerpt-<id>` anchor. Every run of text carries its start offset, so that a
 * selection maps back to the source's offsets (see `selection-offsets.ts`). A highlight opens the
 * evidence panel; a selection opens the cite form (`use-cite-selection.ts`).
 */
export function SourceText({ slug, text, format = "text", excerpts, sourceId, canEdit = false, claims = [] }: TSourceTextProps) {
  const { excerptId: target, span } = useHashTarget(text.length);
  // Parsed in the browser, never while the server renders the page: see `MAX_RENDERED_MARKDOWN`.
  const [markdown, setMarkdown] = useState<TMarkdownBlock[] | null>(null);
  useEffect(() => setMarkdown(format === "markdown" ? readMarkdownBlocks(text) : null), [format, text]);
  const markdownLeaves = useMemo(() => (markdown ? leavesOf(markdown) : null), [markdown]);
  const paragraphs = useMemo(() => {
    const runs = span ? [...excerpts, span] : excerpts;
    return markdownLeaves ? segmentSpans<TRun>(text.length, markdownLeaves, runs) : segmentText<TRun>(text, runs);
  }, [text, markdownLeaves, excerpts, span]);
  /** A passage's words as the reader shows them (Markdown without its syntax). */
  const shownText = (start: number, end: number) => (markdownLeaves ? visibleText(text, markdownLeaves, start, end) : text.slice(start, end));
  const leaves = useMemo(() => new Map(paragraphs.map((leaf) => [leaf.start, leaf])), [paragraphs]);
  const live = useLive();
  const hydrated = useHydrated();
  const [panel, setPanel] = useState<TOpenPanel | null>(null);
  const [done, setDone] = useState<TEvidenceFormResult | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const textBox = useRef<HTMLDivElement>(null);
  const editable = canEdit && Boolean(sourceId);

  useEffect(() => {
    if (target) document.getElementById(`excerpt-${target}`)?.scrollIntoView({ block: "center" });
  }, [target]);

  useEffect(() => {
    if (span) document.getElementById(`at-${span.start}-${span.end}`)?.scrollIntoView({ block: "center" });
  }, [span]);

  /** Where a popover of `width` goes: under the last line of `rects`, inside the text column. */
  const placeUnder = useCallback((rects: ArrayLike<DOMRect>, width: number) => {
    const box = container.current?.getBoundingClientRect();
    const line = rects[rects.length - 1];
    if (!box || !line) return { top: 0, left: 0 };
    return { top: line.bottom - box.top + 8, left: Math.max(0, Math.min(line.left - box.left, box.width - width)) };
  }, []);

  const selection = useCiteSelection({
    editable,
    text,
    textBox,
    container,
    rendered: paragraphs,
    place: placeUnder,
    onSelect: () => {
      setPanel(null);
      setDone(null);
    },
  });
  const { cite } = selection;

  const byId = useMemo(() => new Map(excerpts.map((x) => [x.id, x])), [excerpts]);
  const panelExcerpts = panel
    ? panel.excerptIds.flatMap((id) => {
        const excerpt = byId.get(id);
        return excerpt ? [{ ...excerpt, exact: shownText(excerpt.start, excerpt.end) }] : [];
      })
    : [];
  // Deleted meanwhile (by us or anyone): nothing left to show.
  useEffect(() => {
    if (panel && panelExcerpts.length === 0) setPanel(null);
  }, [panel, panelExcerpts.length]);

  const openPanel = (selected: TReaderExcerpt[], anchor: HTMLElement) => {
    if (selection.isDirty()) return;
    selection.dismiss();
    const rects = anchor.getClientRects();
    const { top, left } = placeUnder(rects.length ? rects : [anchor.getBoundingClientRect()], editable ? PANEL_WIDTH + 48 : PANEL_WIDTH);
    setPanel({ excerptIds: selected.map((x) => x.id), anchor, top, left });
  };

  const closePanel = (returnFocus: boolean) => {
    if (returnFocus && panel) focusAnchor(panel.anchor);
    setPanel(null);
  };

  const citeDone = (result: TEvidenceFormResult) => {
    selection.finish();
    setDone(result);
    live.refresh();
  };

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 6000);
    return () => clearTimeout(timer);
  }, [done]);

  return (
    <div ref={container} className="relative">
      <div
        ref={textBox}
        data-testid="source-text"
        data-cite-ready={editable && hydrated ? "true" : undefined}
        tabIndex={editable ? 0 : undefined}
        aria-label={editable ? "Source text. Select a passage to cite it; with the keyboard, hold Shift and use the arrow keys, then release Shift." : undefined}
        {...selection.textHandlers}
        className="peer rounded-sm font-serif text-lg leading-8 text-slate-900 outline-offset-8 sm:text-xl sm:leading-9 dark:text-slate-100"
      >
        {markdown && (
          <MarkdownBody blocks={markdown} runs={leaves} renderRun={(segment) => renderSegment(text, segment, { targetId: target, onOpen: openPanel })} />
        )}
        {!markdown &&
          paragraphs.map((paragraph) => (
          <p
            key={paragraph.start}
            // A passage found by search may lie under highlights: a bar beside its paragraphs shows it too.
            data-search-target={span && span.start < paragraph.end && span.end > paragraph.start ? "true" : undefined}
            className="mb-6 whitespace-pre-wrap break-words data-[search-target=true]:-ml-3 data-[search-target=true]:border-l-4 data-[search-target=true]:border-yellow-400 data-[search-target=true]:pl-2"
          >
            {paragraph.segments.map((segment) => (
              <Fragment key={segment.start}>{renderSegment(text, segment, { targetId: target, onOpen: openPanel })}</Fragment>
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
          shown={shownText(cite.start, cite.end)}
          claims={claims}
          top={cite.top}
          left={cite.left}
          takeFocus={cite.via !== "touch"}
          onCancel={selection.cancel}
          onDone={citeDone}
          onDirtyChange={selection.setDirty}
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

/** Focus goes back to the passage's focusable first piece, wherever the panel was opened from. */
function focusAnchor(anchor: HTMLElement) {
  const id = anchor.dataset.excerptId;
  const first = id ? document.getElementById(`excerpt-${id}`) : null;
  (first ?? anchor).focus({ preventScroll: true });
}
