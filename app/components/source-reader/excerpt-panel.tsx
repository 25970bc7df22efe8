"use client";
import { Link } from "@/app/components/app-link";
import { useCallback, useEffect, useRef, useState, type CSSProperties } from "react";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { FetchedComments } from "../comments/fetched-comments";
import { ConfirmButton } from "../confirm-button";
import type { TClaimOption } from "../evidence/claim-picker";
import { EvidenceEditor } from "../evidence/evidence-editor";
import { FormError } from "../evidence/evidence-fields";
import { EvidenceForm } from "../evidence/evidence-form";
import { versionFor } from "../evidence/versions";
import { useLive } from "../live/live-context";
import { ReportedBadge } from "../reported-badge";
import { StanceLabel } from "../stance-label";
import { useMutation } from "../use-mutation";
import { ApproximateAnchor } from "./approximate-anchor";
import type { TReaderEvidence, TReaderExcerpt } from "./reader-types";

export const PANEL_WIDTH = 352;

interface TExcerptPanelProps {
  slug: string;
  excerpts: (TReaderExcerpt & { exact: string })[];
  /** Position under the passage within the text column; used from the `sm` breakpoint up. */
  top: number;
  left: number;
  anchor: HTMLElement;
  onClose: (returnFocus: boolean) => void;
  /** Editors may change, unlink and delete; everyone else reads. */
  canEdit?: boolean;
  claims?: TClaimOption[];
}

/**
 * What a highlighted passage is evidence for. A popover under the passage on wide screens and a
 * bottom sheet on phones, where a popover would cover the text being read.
 */
export function ExcerptPanel({ slug, excerpts, top, left, anchor, onClose, canEdit = false, claims = [] }: TExcerptPanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  // The latest onClose without re-running the listeners' effect on every parent render.
  const close = useRef(onClose);
  // While a form in the panel holds unsaved input, a click elsewhere does not throw it away.
  const editing = useRef(false);
  // Nor over a half-written comment.
  const commentDraft = useRef(false);
  const onCommentDraft = useCallback((dirty: boolean) => {
    commentDraft.current = dirty;
  }, []);
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
      if (!panel.current?.contains(target) && !anchor.contains(target) && !editing.current && !commentDraft.current) close.current(false);
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
      aria-label="Evidence and comments on this passage"
      tabIndex={-1}
      data-testid="excerpt-panel"
      style={{ "--panel-top": `${top}px`, "--panel-left": `${left}px`, "--panel-width": `${canEdit ? PANEL_WIDTH + 48 : PANEL_WIDTH}px` } as CSSProperties}
      className="fixed inset-x-0 bottom-0 z-40 max-h-[70dvh] overflow-y-auto overscroll-contain rounded-t-2xl border-t border-slate-200 bg-white p-5 font-sans shadow-2xl outline-none print:hidden sm:absolute sm:inset-x-auto sm:bottom-auto sm:top-(--panel-top) sm:left-(--panel-left) sm:max-h-[60vh] sm:w-(--panel-width) sm:max-w-full sm:rounded-xl sm:border dark:border-slate-700 dark:bg-slate-900"
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
      {canEdit ? (
        <div className="flex flex-col gap-6">
          {excerpts.map((excerpt) => (
            <EditableExcerpt
              key={excerpt.id}
              slug={slug}
              excerpt={excerpt}
              showQuote={excerpts.length > 1}
              claims={claims}
              onEditing={(on) => {
                editing.current = on;
              }}
            />
          ))}
        </div>
      ) : evidence.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This passage is not linked to a claim yet.</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {evidence.map((e) => (
            <li key={e.id} data-testid="excerpt-evidence" data-stance={e.stance} data-voice={e.voice}>
              <EvidenceSummary slug={slug} evidence={e} />
            </li>
          ))}
        </ul>
      )}
      {excerpts.map((excerpt) => (
        <ApproximateAnchor key={`anchoring-${excerpt.id}`} anchoring={excerpt.anchoring} className="mt-3" />
      ))}
      {excerpts.map((excerpt) => (
        <section key={excerpt.id} data-testid="excerpt-discussion" data-excerpt-id={excerpt.id} aria-label="Comments on this passage" className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-700">
          <h3 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Comments on {excerpts.length > 1 ? "a passage" : "this passage"}</h3>
          {excerpts.length > 1 && <p className="mb-3 line-clamp-2 border-l-2 border-slate-300 pl-2 font-serif text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">{excerpt.exact}</p>}
          <FetchedComments
            slug={slug}
            target={{ type: "excerpt", id: excerpt.id }}
            about="on this passage"
            compact
            onDirty={onCommentDraft}
          />
        </section>
      ))}
    </div>
  );
}

function EvidenceSummary({ slug, evidence: e }: { slug: string; evidence: TReaderEvidence }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <StanceLabel stance={e.stance} />
        {e.voice === "REPORTED" && <ReportedBadge />}
      </div>
      <Link href={`/w/${slug}/claims/${e.claimId}`} className="mt-1 block font-medium leading-snug text-sky-700 hover:underline dark:text-sky-400">
        {e.claimText}
      </Link>
      {e.note && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{e.note}</p>}
    </>
  );
}

/** One passage with its evidence, for editors: change or unlink each link, add one, delete the passage. */
function EditableExcerpt({
  slug,
  excerpt,
  showQuote,
  claims,
  onEditing,
}: {
  slug: string;
  excerpt: TReaderExcerpt & { exact: string };
  showQuote: boolean;
  claims: TClaimOption[];
  onEditing: (on: boolean) => void;
}) {
  const live = useLive();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const mutation = useMutation();
  // Which link or passage the delete in flight is for.
  const [deleting, setDeleting] = useState<string | null>(null);

  useEffect(() => onEditing(editingId !== null || adding), [editingId, adding, onEditing]);

  const remove = async (path: string, id: string, version: number) => {
    if (mutation.busy) return;
    setDeleting(id);
    const result = await mutation.run(workspaceApi(slug, path), { method: "DELETE", body: { version } });
    if (result?.ok) live.refresh();
  };

  return (
    <section data-testid="excerpt-editor" data-excerpt-id={excerpt.id} className="flex flex-col gap-3">
      {showQuote && <p className="line-clamp-2 border-l-2 border-slate-300 pl-2 font-serif text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">{excerpt.exact}</p>}
      {excerpt.evidence.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This passage is not linked to a claim yet.</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {excerpt.evidence.map((e) => (
            <li key={e.id} data-testid="excerpt-evidence" data-evidence-id={e.id} data-stance={e.stance} data-voice={e.voice}>
              {editingId === e.id ? (
                <EvidenceEditor slug={slug} evidence={e} onClose={() => setEditingId(null)} />
              ) : (
                <>
                  <EvidenceSummary slug={slug} evidence={e} />
                  <div className="mt-1.5 flex flex-wrap items-center gap-1">
                    <Button variant="quiet" size="xs" data-testid="evidence-edit" onClick={() => setEditingId(e.id)}>
                      Edit<span className="sr-only"> the link to “{e.claimText}”</span>
                    </Button>
                    <ConfirmButton
                      label="Unlink"
                      confirmLabel="Unlink"
                      question="Remove this link?"
                      testId="evidence-delete"
                      busy={mutation.busy && deleting === e.id}
                      onConfirm={() => void remove(`/evidence/${e.id}`, e.id, versionFor(e.id, e.version))}
                    />
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={mutation.error} issues={mutation.failure?.issues} />
      {adding ? (
        <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <h3 className="mb-2 text-sm font-semibold text-slate-800 dark:text-slate-200">Link to another claim</h3>
          <EvidenceForm
            slug={slug}
            claims={claims}
            exclude={excerpt.evidence.map((e) => e.claimId)}
            submitLabel="Add link"
            testIdPrefix="link"
            write={(input, send) => send(workspaceApi(slug, "/evidence"), { method: "POST", body: { excerptId: excerpt.id, ...input } })}
            onDone={() => {
              setAdding(false);
              live.refresh();
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
          <Button variant="secondary" size="xs" data-testid="evidence-add" onClick={() => setAdding(true)}>
            + Link to another claim
          </Button>
          <ConfirmButton
            label="Delete passage"
            confirmLabel="Delete"
            question="Delete the passage and its links?"
            testId="excerpt-delete"
            busy={mutation.busy && deleting === excerpt.id}
            onConfirm={() => void remove(`/excerpts/${excerpt.id}`, excerpt.id, excerpt.version)}
          />
        </div>
      )}
    </section>
  );
}
