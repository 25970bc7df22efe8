"use client";
import { useEffect, useId, useRef, type CSSProperties } from "react";
import { describeRange } from "@/lib/anchoring/text-quote";
import { workspaceApi } from "../api";
import type { TClaimOption } from "../evidence/claim-picker";
import { EvidenceForm, type TEvidenceFormResult, type TEvidenceInput } from "../evidence/evidence-form";
import type { TSend } from "../use-mutation";

export const CITE_WIDTH = 400;

interface TCitePopoverProps {
  slug: string;
  sourceId: string;
  text: string;
  start: number;
  end: number;
  /** The passage's words as the reader shows them (a Markdown source's without its syntax). */
  shown: string;
  claims: TClaimOption[];
  top: number;
  left: number;
  /** Focus moves into the popover (not when opened by touch: the on-screen keyboard would cover it). */
  takeFocus: boolean;
  onCancel: () => void;
  onDone: (result: TEvidenceFormResult) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * Attach the selected passage to a claim. Beside the selection on wide screens, a bottom sheet on
 * phones. The passage is sent with both selectors: its offsets and its exact words with context.
 */
export function CitePopover({ slug, sourceId, text, start, end, shown, claims, top, left, takeFocus, onCancel, onDone, onDirtyChange }: TCitePopoverProps) {
  const root = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (takeFocus) root.current?.focus({ preventScroll: true });
  }, [takeFocus]);

  // Beside a selection near the bottom of the window the form would open out of sight (on phones
  // it is a sheet fixed to the bottom, always in view).
  useEffect(() => {
    if (window.matchMedia("(min-width: 40rem)").matches) root.current?.scrollIntoView({ block: "nearest" });
  }, []);

  const write = (input: TEvidenceInput, send: TSend) =>
    send(workspaceApi(slug, "/excerpts"), { method: "POST", body: { sourceId, selector: describeRange(text, start, end), evidence: [input] } });

  return (
    <div
      ref={root}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="cite-popover"
      data-start={start}
      data-end={end}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
      style={{ "--cite-top": `${top}px`, "--cite-left": `${left}px`, "--cite-width": `${CITE_WIDTH}px` } as CSSProperties}
      className="fixed inset-x-0 bottom-0 z-50 max-h-[75dvh] overflow-y-auto overscroll-contain rounded-t-2xl border-t border-slate-200 bg-white p-5 font-sans shadow-2xl outline-none print:hidden sm:absolute sm:inset-x-auto sm:bottom-auto sm:top-(--cite-top) sm:left-(--cite-left) sm:max-h-[70vh] sm:w-(--cite-width) sm:max-w-full sm:rounded-xl sm:border dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id={headingId} className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Cite this passage
        </h2>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-2 py-0.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          <span aria-hidden="true">×</span>
          <span className="sr-only">Cancel</span>
        </button>
      </div>
      <blockquote data-testid="cite-quote" className="mb-4 line-clamp-4 border-l-4 border-slate-300 pl-3 font-serif text-base leading-snug whitespace-pre-line text-slate-800 dark:border-slate-600 dark:text-slate-200">
        {shown}
      </blockquote>
      <EvidenceForm
        slug={slug}
        claims={claims}
        submitLabel="Cite passage"
        testIdPrefix="cite"
        write={write}
        onDone={onDone}
        onCancel={onCancel}
        onDirtyChange={onDirtyChange}
      />
    </div>
  );
}
