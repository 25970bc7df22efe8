"use client";
import { useEffect, useId, useRef, useState } from "react";
import { commentCount } from "@/lib/domain/comments";
import { CommentIcon } from "./comment-icon";
import { FetchedComments } from "./fetched-comments";

/**
 * Under a piece of evidence: how many comments it has, and its threads on request. An address
 * ending in `#comments-<evidence id>` (a search result) opens them.
 */
export function EvidenceComments({ slug, evidenceId, count }: { slug: string; evidenceId: string; count: number }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (window.location.hash !== `#comments-${evidenceId}`) return;
    setOpen(true);
    box.current?.scrollIntoView({ block: "start" });
  }, [evidenceId]);
  return (
    <div ref={box} id={`comments-${evidenceId}`} className="mt-2 scroll-mt-4" data-testid="evidence-comments" data-evidence-id={evidenceId} data-count={count}>
      <button
        type="button"
        data-testid="evidence-comments-toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1.5 rounded-md px-1.5 py-0.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
      >
        <CommentIcon />
        {count === 0 ? "Discuss this evidence" : commentCount(count)}
        <span aria-hidden="true" className="text-xs">
          {open ? "▴" : "▾"}
        </span>
      </button>
      <div id={regionId} hidden={!open} className="mt-2">
        {open && <FetchedComments slug={slug} target={{ type: "evidence", id: evidenceId }} about="on this evidence" compact />}
      </div>
    </div>
  );
}
