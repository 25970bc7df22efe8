export const REPORTED_EXPLANATION = "The author reports this view without holding it";

/** Marks REPORTED-voice evidence, which does not count towards the author's position. */
export function ReportedBadge() {
  return (
    <span
      data-testid="reported-badge"
      title={REPORTED_EXPLANATION}
      className="inline-flex items-center rounded border border-slate-400 px-1.5 py-px text-xs font-medium uppercase tracking-wide text-slate-600 dark:border-slate-500 dark:text-slate-300"
    >
      Reported
      <span className="sr-only"> — {REPORTED_EXPLANATION.toLowerCase()}</span>
    </span>
  );
}
