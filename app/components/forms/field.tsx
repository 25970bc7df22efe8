import type { TApiFailure } from "../api";

/** A labelled form field with its error message tied to it for screen readers. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children}
      {hint && !error ? <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/** The server's issues by field path (`author.name`), to show under each field. */
export function fieldErrors(failure: TApiFailure | null): Record<string, string> {
  return Object.fromEntries((failure?.issues ?? []).map((issue) => [issue.path, issue.message]));
}
