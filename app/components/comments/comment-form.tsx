"use client";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/comments";
import { describeFailure, newRequestKey, type TApiFailure, type TApiResult } from "../api";
import { FormError } from "../evidence/evidence-fields";

export const fieldClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base leading-relaxed text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
export const primaryButtonClass =
  "rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white";
export const quietButtonClass = "rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";

/**
 * A text box for a comment: submit with the button or Ctrl/⌘+Enter, Escape cancels (where
 * cancelling is offered). One Idempotency-Key per draft, so a retry after a lost answer does not
 * post twice; a new key once it was posted.
 */
export function CommentForm({
  label,
  submitLabel,
  initial = "",
  autoFocus = false,
  testId,
  onSubmit,
  onCancel,
  onDirty,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  testId: string;
  onSubmit: (body: string, idempotencyKey: string) => Promise<TApiResult<unknown> | null>;
  onCancel?: () => void;
  /** Told whether the box holds unsaved words, so a surrounding panel does not close over them. */
  onDirty?: (dirty: boolean) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TApiFailure | null>(null);
  const key = useRef(newRequestKey());
  const field = useRef<HTMLTextAreaElement>(null);
  const dirty = draft.trim() !== initial.trim();

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty?.(false), [onDirty]);

  const submit = async () => {
    const body = draft.trim();
    if (!body) return setError({ ok: false, status: 400, code: "EMPTY", message: "Write something first: a comment must not be empty.", issues: [] });
    setBusy(true);
    setError(null);
    const result = await onSubmit(body, key.current);
    setBusy(false);
    if (!result) return;
    if (!result.ok) return setError(result);
    key.current = newRequestKey();
    setDraft("");
  };

  return (
    <form
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="flex flex-col gap-2"
    >
      <label htmlFor={`${id}-body`} className="text-sm font-semibold text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <textarea
        ref={field}
        id={`${id}-body`}
        data-testid={`${testId}-body`}
        rows={3}
        maxLength={MAX_COMMENT_LENGTH}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          } else if (e.key === "Escape" && onCancel) {
            // Only the form closes, not a panel the form sits in.
            e.stopPropagation();
            onCancel();
          }
        }}
        aria-describedby={`${id}-hint`}
        className={fieldClass}
      />
      <p id={`${id}-hint`} className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-500 dark:text-slate-400">
        <span>Plain text; web addresses become links. Ctrl+Enter to send.</span>
        {draft.length > MAX_COMMENT_LENGTH * 0.8 && (
          <span className="tabular-nums">
            {draft.length.toLocaleString("en")} / {MAX_COMMENT_LENGTH.toLocaleString("en")}
          </span>
        )}
      </p>
      <FormError message={error ? describeFailure(error) : null} issues={error?.issues} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" data-testid={`${testId}-submit`} disabled={busy} className={primaryButtonClass}>
          {busy ? "Sending…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={quietButtonClass}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
