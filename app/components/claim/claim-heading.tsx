"use client";
import { MAX_CLAIM_LENGTH } from "@/lib/schemas/fields";
import { Link } from "@/app/components/app-link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { workspaceApi } from "../api";
import { Button } from "../button";
import { ConfirmButton } from "../confirm-button";
import { FormError } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";
import { useMutation } from "../use-mutation";

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
  const mutation = useMutation({ isConflict: isClaimRow });
  // Shown until the refreshed page catches up with our own save, so the old text never flashes back.
  const [saved, setSaved] = useState<TClaimRow | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const shownText = saved && saved.version > version ? saved.text : text;
  const shownVersion = saved && saved.version > version ? saved.version : version;

  useEffect(() => {
    if (mode.kind === "edit") field.current?.focus();
  }, [mode.kind]);

  const finish = (row: TClaimRow) => {
    setSaved(row);
    setMode({ kind: "view" });
    live.refresh();
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const save = async (baseVersion: number, draft: string) => {
    const trimmed = draft.trim();
    if (!trimmed) return mutation.fail("A claim must not be empty.");
    const result = await mutation.run<TClaimRow>(workspaceApi(slug, `/claims/${claimId}`), { method: "PATCH", body: { version: baseVersion, text: trimmed } });
    if (!result) return;
    if (result.ok) return finish(result.data);
    if (result.status === 409 && isClaimRow(result.current)) setMode({ kind: "conflict", current: result.current, draft });
  };

  const remove = async () => {
    // The version shown: our own save's, until the refreshed page has caught up with it.
    const result = await mutation.run(workspaceApi(slug, `/claims/${claimId}`), { method: "DELETE", body: { version: shownVersion } });
    if (result?.ok) router.push(`/w/${slug}/matrix`);
  };

  const formError = <FormError message={mutation.error} issues={mutation.failure?.issues} />;

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
        <div className="mt-4">{formError}</div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button size="lg" data-testid="conflict-reapply" busy={mutation.busy} busyLabel="Saving…" onClick={() => void save(mode.current.version, mode.draft)}>
            Re-apply mine
          </Button>
          <Button
            variant="secondary"
            size="lg"
            data-testid="conflict-discard"
            disabled={mutation.busy}
            onClick={() => {
              setMode({ kind: "view" });
              mutation.reset();
              live.refresh();
            }}
            className="bg-white dark:bg-slate-900"
          >
            Discard mine
          </Button>
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
        <div className="mt-2">{formError}</div>
        <div className="mt-3 flex flex-wrap gap-3">
          <Button type="submit" size="lg" data-testid="claim-save" busy={mutation.busy} busyLabel="Saving…">
            Save
          </Button>
          <Button
            variant="quiet"
            size="lg"
            onClick={() => {
              setMode({ kind: "view" });
              mutation.reset();
            }}
          >
            Cancel
          </Button>
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
            <Button
              ref={editButton}
              variant="secondary"
              size="xs"
              data-testid="claim-edit"
              onClick={() => {
                mutation.reset();
                setMode({ kind: "edit", base: { text: shownText, version: shownVersion }, draft: shownText });
              }}
            >
              Edit<span className="sr-only"> the claim’s text</span>
            </Button>
            <ConfirmButton label="Delete claim" confirmLabel="Delete" question="Delete this claim? It can be restored from the history." testId="claim-delete" busy={mutation.busy} onConfirm={() => void remove()} />
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
      {mutation.failure && <div className="mt-2 max-w-2xl">{formError}</div>}
    </>
  );
}
