"use client";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_COMMENT_LENGTH } from "@/lib/domain/comments";
import type { TApiResult } from "../api";
import { Button } from "../button";
import { FormError } from "../evidence/evidence-fields";
import { useMutation, type TSend } from "../use-mutation";

export const fieldClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base leading-relaxed text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * A text box for a comment: submit with the button or Ctrl/⌘+Enter, Escape cancels (where
 * cancelling is offered). `onSubmit` sends through `send`, so a draft sent again after a lost
 * answer carries the same Idempotency-Key and is not posted twice.
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
  /** Sends the comment; null when it dealt with the outcome itself (a conflict it shows). */
  onSubmit: (body: string, send: TSend) => Promise<TApiResult<unknown> | null>;
  onCancel?: () => void;
  /** Told whether the box holds unsaved words, so a surrounding panel does not close over them. */
  onDirty?: (dirty: boolean) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const mutation = useMutation();
  const field = useRef<HTMLTextAreaElement>(null);
  const dirty = draft.trim() !== initial.trim();

  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  useEffect(() => () => onDirty?.(false), [onDirty]);

  const submit = async () => {
    const body = draft.trim();
    if (!body) return mutation.fail("Write something first: a comment must not be empty.");
    const result = await mutation.perform((send) => onSubmit(body, send));
    if (result?.ok) setDraft("");
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
      <FormError message={mutation.error} issues={mutation.failure?.issues} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" data-testid={`${testId}-submit`} busy={mutation.busy} busyLabel="Sending…">
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="quiet" size="xs" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
