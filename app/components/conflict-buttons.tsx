"use client";

/** The two ways out of an edit conflict: re-apply one's own version over the current one, or drop it. */
export function ConflictButtons({ busy, onReapply, onDiscard }: { busy: boolean; onReapply: () => void; onDiscard: () => void }) {
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <button type="button" disabled={busy} onClick={onReapply} className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900">
        Re-apply mine
      </button>
      <button type="button" onClick={onDiscard} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium dark:border-slate-600">
        Discard mine
      </button>
    </div>
  );
}
