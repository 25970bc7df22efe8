"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "./button";

/**
 * A destructive action in two steps on the spot ("Delete…" then "Delete" / "Keep"), instead of a
 * blocking browser dialog; focus moves to the confirming button and back on "Keep".
 */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  busy = false,
  testId,
  className = "",
}: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  testId?: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) start.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={start}
        type="button"
        data-testid={testId}
        onClick={() => setAsking(true)}
        className={`rounded-md px-2 py-1 text-sm font-medium text-orange-800 hover:bg-opposes-soft dark:text-orange-300 ${className}`}
      >
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700 dark:text-slate-300">{question}</span>
      <Button ref={confirm} variant="danger" size="xs" data-testid={testId ? `${testId}-confirm` : undefined} busy={busy} busyLabel="Deleting…" onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="quiet" size="xs" onClick={() => setAsking(false)}>
        Keep
      </Button>
    </span>
  );
}
