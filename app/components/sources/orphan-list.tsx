"use client";
import { useState } from "react";
import { Link } from "@/app/components/app-link";
import type { TStance } from "@/lib/domain/types";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { ConfirmButton } from "../confirm-button";
import { FormError } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";
import { offsetsOfSelection } from "../source-reader/selection-offsets";
import { StanceLabel } from "../stance-label";
import { useMutation } from "../use-mutation";

export interface TOrphan {
  id: string;
  version: number;
  exact: string;
  reason: string;
  evidence: { id: string; claimId: string; claimText: string; stance: TStance }[];
}

/**
 * Passages a revision of the text no longer holds: never drawn in the text, listed here with
 * their evidence and why they could not be placed. An editor re-attaches one by selecting the
 * passage in the text and pressing "Attach the selection", or deletes it.
 */
export function OrphanList({ slug, orphans, text, canEdit }: { slug: string; orphans: TOrphan[]; text: string; canEdit: boolean }) {
  if (orphans.length === 0) return null;
  return (
    <section aria-labelledby="orphans-heading" data-testid="orphan-list" className="mb-8 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 dark:border-amber-600 dark:bg-amber-950/30">
      <h2 id="orphans-heading" className="text-sm font-semibold uppercase tracking-wide text-amber-900 dark:text-amber-200">
        Needs attention <span className="font-normal">({orphans.length})</span>
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        The revised text no longer holds {orphans.length === 1 ? "this passage" : "these passages"}. {orphans.length === 1 ? "Its" : "Their"} evidence is kept but not counted
        {canEdit ? " until you attach each one to the words it belongs to, or delete it." : "."}
      </p>
      <ol className="mt-3 flex flex-col gap-4">
        {orphans.map((orphan) => (
          <OrphanItem key={orphan.id} slug={slug} orphan={orphan} text={text} canEdit={canEdit} />
        ))}
      </ol>
    </section>
  );
}

function OrphanItem({ slug, orphan, text, canEdit }: { slug: string; orphan: TOrphan; text: string; canEdit: boolean }) {
  const mutation = useMutation();
  const live = useLive();
  const [hint, setHint] = useState<string | null>(null);

  async function attach() {
    setHint(null);
    mutation.reset();
    const container = document.querySelector('[data-testid="source-text"]');
    const span = container ? offsetsOfSelection(container, window.getSelection(), text) : null;
    if (!span) return setHint("First select the words this passage belongs to in the text, then press “Attach the selection”.");
    const selector = { start: span.start, end: span.end, exact: text.slice(span.start, span.end) };
    const result = await mutation.run(workspaceApi(slug, `/excerpts/${orphan.id}/reattach`), { method: "POST", body: { version: orphan.version, selector } });
    if (result?.ok) {
      window.getSelection()?.removeAllRanges();
      live.refresh();
    }
  }

  async function remove() {
    const result = await mutation.run(workspaceApi(slug, `/excerpts/${orphan.id}`), { method: "DELETE", body: { version: orphan.version } });
    if (result?.ok) live.refresh();
  }

  return (
    <li data-testid="orphan-item" data-excerpt-id={orphan.id} className="border-l-2 border-amber-400 pl-3 dark:border-amber-600">
      <blockquote className="line-clamp-4 font-serif text-[0.95rem] leading-snug text-slate-800 dark:text-slate-200">“{orphan.exact}”</blockquote>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Not placed: {orphan.reason}.</p>
      {orphan.evidence.length > 0 && (
        <ul className="mt-1.5 flex flex-col gap-1.5">
          {orphan.evidence.map((e) => (
            <li key={e.id} className="text-sm">
              <StanceLabel stance={e.stance} />{" "}
              <Link href={`/w/${slug}/claims/${e.claimId}`} className="text-sky-700 hover:underline dark:text-sky-400">
                {e.claimText}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {/* Keeps the text's selection: a mouse press on the button would otherwise clear it first. */}
          <Button variant="secondary" size="xs" data-testid="orphan-attach" busy={mutation.busy} busyLabel="Attaching…" onMouseDown={(e) => e.preventDefault()} onClick={() => void attach()}>
            Attach the selection
          </Button>
          <ConfirmButton label="Delete…" confirmLabel="Delete" question="Delete this passage and its evidence?" busy={mutation.busy} testId="orphan-delete" onConfirm={() => void remove()} />
        </div>
      )}
      {hint && (
        <p role="status" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {hint}
        </p>
      )}
      <FormError message={mutation.error} issues={mutation.failure?.issues} />
    </li>
  );
}
