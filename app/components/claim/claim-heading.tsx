"use client";
import { MAX_CLAIM_LENGTH } from "@/lib/schemas/fields";
import { Link } from "@/app/components/app-link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { callApi, describeFailure, workspaceApi, type TApiFailure } from "../api";
import { ConfirmButton } from "../confirm-button";
import { FormError } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";

interface TClaimRow {
  id: string;
  text: string;
  version: number;
}

function isClaimRow(value: unknown): value is TClaimRow {
  return Boolean(value) && typeof value === "object" && typeof (value as TClaimRow).text === "string" && typeof (value as TClaimRow).version === "number";
}

type TMode =
  | { kind: "view" }
  /** `base` is what the edit started from: its version goes with the save, whatever arrives live meanwhile. */
  | { kind: "edit"; base: { text: string; version: number }; draft: string }
  | { kind: "conflict"; current: TClaimRow; draft: string };

const headingClass = "mt-1 max-w-[40ch] text-3xl font-bold leading-tight tracking-tight text-balance sm:text-4xl";
const textareaClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-xl leading-snug font-semibold text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * The claim's text, and for editors: edit it in place, or delete the claim. A save carries the
 * version the edit started from; when someone else saved first, both texts are shown side by side
 * and nothing is overwritten until the editor re-applies or discards theirs.
 */
export function ClaimHeading({ slug, claimId, text, version, canEdit }: { slug: string; claimId: string; text: string; version: number; canEdit: boolean }) {
  const id = useId();
  const router = useRouter();
  const live = useLive();
  const [mode, setMode] = useState<TMode>({ kind: "view" });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TApiFailure | null>(null);
  // Shown until the refreshed page catches up with our own save, so the old text never flashes back.
  const [saved, setSaved] = useState<TClaimRow | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const shownText = saved && saved.version > version ? saved.text : text;

  useEffect(() => {
    if (mode.kind === "edit") field.current?.focus();
  }, [mode.kind]);

  const finish = (row: TClaimRow) => {
    setSaved(row);
    setMode({ kind: "view" });
    setError(null);
    live.refresh();
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const save = async (baseVersion: number, draft: string) => {
    const trimmed = draft.trim();
    if (!trimmed) return setError({ ok: false, status: 400, code: "EMPTY", message: "A claim must not be empty.", issues: [] });
    setBusy(true);
    setError(null);
    const result = await callApi<TClaimRow>(workspaceApi(slug, `/claims/${claimId}`), { method: "PATCH", body: { version: baseVersion, text: trimmed } });
    setBusy(false);
    if (result.ok) return finish(result.data);
    if (result.status === 409 && isClaimRow(result.current)) return setMode({ kind: "conflict", current: result.current, draft });
    setError(result);
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    const result = await callApi(workspaceApi(slug, `/claims/${claimId}`), { method: "DELETE", body: { version } });
    setBusy(false);
    if (!result.ok) return setError(result);
    router.push(`/w/${slug}/matrix`);
  };

  if (mode.kind === "conflict") {
    return (
      <section data-testid="conflict-view" aria-labelledby={`${id}-conflict`} className="mt-2 rounded-xl border-2 border-amber-400 bg-amber-50 p-4 sm:p-6 dark:border-amber-600 dark:bg-amber-950/30">
        <h1 id={`${id}-conflict`} className="text-xl font-bold text-slate-900 dark:text-slate-100">
          Someone else changed this claim while you were editing it
        </h1>
        <p className="mt-1 max-w-[70ch] text-slate-700 dark:text-slate-300">
          Nothing has been overwritten. Compare the two versions: keep theirs, or re-apply yours (you can still change it first).
        </p>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <div data-testid="conflict-theirs" className="rounded-lg border border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Theirs (current)</h2>
            <p className="text-xl font-semibold leading-snug text-slate-900 dark:text-slate-100">{mode.current.text}</p>
          </div>
          <div className="rounded-lg border border-slate-300 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
            <label htmlFor={`${id}-mine`} className="mb-2 block text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Yours
            </label>
            <textarea
              id={`${id}-mine`}
              data-testid="conflict-mine"
              rows={3}
              maxLength={MAX_CLAIM_LENGTH}
              value={mode.draft}
              onChange={(e) => setMode({ ...mode, draft: e.target.value })}
              className={textareaClass}
            />
          </div>
        </div>
        <div className="mt-4">
          <FormError message={error ? describeFailure(error) : null} issues={error?.issues} />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button
            type="button"
            data-testid="conflict-reapply"
            disabled={busy}
            onClick={() => void save(mode.current.version, mode.draft)}
            className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900"
          >
            {busy ? "Saving…" : "Re-apply mine"}
          </button>
          <button
            type="button"
            data-testid="conflict-discard"
            disabled={busy}
            onClick={() => {
              setMode({ kind: "view" });
              setError(null);
              live.refresh();
            }}
            className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          >
            Discard mine
          </button>
        </div>
      </section>
    );
  }

  if (mode.kind === "edit") {
    const changedMeanwhile = version !== mode.base.version;
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(mode.base.version, mode.draft);
        }}
        className="mt-1 max-w-3xl"
      >
        <label htmlFor={`${id}-text`} className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Claim text
        </label>
        <textarea
          ref={field}
          id={`${id}-text`}
          data-testid="claim-edit-text"
          rows={3}
          maxLength={MAX_CLAIM_LENGTH}
          value={mode.draft}
          onChange={(e) => setMode({ ...mode, draft: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Escape") setMode({ kind: "view" });
          }}
          aria-describedby={`${id}-count`}
          className={`mt-1 ${textareaClass}`}
        />
        <p id={`${id}-count`} className="mt-1 text-right text-xs tabular-nums text-slate-500 dark:text-slate-400">
          {mode.draft.length} / {MAX_CLAIM_LENGTH}
        </p>
        {changedMeanwhile && (
          <p role="status" data-testid="claim-changed-meanwhile" className="mt-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-slate-900 dark:border-amber-600 dark:bg-amber-950/30 dark:text-slate-100">
            Someone else saved a change to this claim while you were editing. When you save, you will see both versions and choose.
          </p>
        )}
        <div className="mt-2">
          <FormError message={error ? describeFailure(error) : null} issues={error?.issues} />
        </div>
        <div className="mt-3 flex flex-wrap gap-3">
          <button
            type="submit"
            data-testid="claim-save"
            disabled={busy}
            className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900"
          >
            {busy ? "Saving…" : "Save"}
          </button>
          <button
            type="button"
            onClick={() => {
              setMode({ kind: "view" });
              setError(null);
            }}
            className="rounded-lg px-4 py-2 font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Cancel
          </button>
        </div>
      </form>
    );
  }

  return (
    <>
      <h1 data-testid="claim-text" className={headingClass}>
        {shownText}
      </h1>
      <div className="no-print mt-3 flex flex-wrap items-center gap-2 text-sm">
        {canEdit && (
          <>
            <button
              ref={editButton}
              type="button"
              data-testid="claim-edit"
              onClick={() => {
                setError(null);
                setMode({ kind: "edit", base: { text: shownText, version: saved && saved.version > version ? saved.version : version }, draft: shownText });
              }}
              className="rounded-md border border-slate-300 px-2.5 py-1 font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Edit<span className="sr-only"> the claim’s text</span>
            </button>
            <ConfirmButton label="Delete claim" confirmLabel="Delete" question="Delete this claim? It can be restored from the history." testId="claim-delete" busy={busy} onConfirm={() => void remove()} />
          </>
        )}
        <Link
          href={`/w/${slug}/history?entityId=${claimId}`}
          data-testid="claim-history-link"
          className="rounded-md px-2.5 py-1 font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
        >
          History
        </Link>
      </div>
      {error && (
        <div className="mt-2 max-w-2xl">
          <FormError message={describeFailure(error)} issues={error.issues} />
        </div>
      )}
    </>
  );
}
