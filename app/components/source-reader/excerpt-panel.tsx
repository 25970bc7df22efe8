"use client";
import Link from "next/link";
import { useEffect, useRef, type CSSProperties } from "react";
import { ReportedBadge } from "../reported-badge";
import { StanceLabel } from "../stance-label";
import type { TReaderExcerpt } from "./source-text";

export const PANEL_WIDTH = 352;

interface TExcerptPanelProps {
  slug: string;
  excerpts: TReaderExcerpt[];
  /** Position under the passage within the text column; used from the `sm` breakpoint up. */
  top: number;
  left: number;
  anchor: HTMLElement;
  onClose: (returnFocus: boolean) => void;
}

/**
 * What a highlighted passage is evidence for. A popover under the passage on wide screens and a
 * bottom sheet on phones, where a popover would cover the text being read.
 */
export function ExcerptPanel({ slug, excerpts, top, left, anchor, onClose }: TExcerptPanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  // The latest onClose without re-running the listeners' effect on every parent render.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    panel.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close.current(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !anchor.contains(target)) close.current(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [anchor]);

  const evidence = excerpts.flatMap((x) => x.evidence);
  return (
    <div
      ref={panel}
      role="dialog"
      aria-label="Evidence in this passage"
      tabIndex={-1}
      data-testid="excerpt-panel"
      style={{ "--panel-top": `${top}px`, "--panel-left": `${left}px`, "--panel-width": `${PANEL_WIDTH}px` } as CSSProperties}
      className="fixed inset-x-0 bottom-0 z-40 max-h-[70dvh] overflow-y-auto rounded-t-2xl border-t border-slate-200 bg-white p-5 font-sans shadow-2xl outline-none print:hidden sm:absolute sm:inset-x-auto sm:bottom-auto sm:top-(--panel-top) sm:left-(--panel-left) sm:max-h-[60vh] sm:w-(--panel-width) sm:max-w-full sm:rounded-xl sm:border dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Evidence in this passage</h2>
        <button
          type="button"
          onClick={() => onClose(true)}
          className="rounded-md px-2 py-0.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-white"
        >
          <span aria-hidden="true">×</span>
          <span className="sr-only">Close</span>
        </button>
      </div>
      {evidence.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This passage is not linked to a claim yet.</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {evidence.map((e) => (
            <li key={e.id} data-testid="excerpt-evidence" data-stance={e.stance} data-voice={e.voice}>
              <div className="flex flex-wrap items-center gap-2">
                <StanceLabel stance={e.stance} />
                {e.voice === "REPORTED" && <ReportedBadge />}
              </div>
              <Link href={`/w/${slug}/claims/${e.claimId}`} className="mt-1 block font-medium leading-snug text-sky-700 hover:underline dark:text-sky-400">
                {e.claimText}
              </Link>
              {e.note && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{e.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
