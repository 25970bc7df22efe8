"use client";
import { useRouter } from "next/navigation";
import { useId } from "react";

/** Narrow the history to one claim (and its evidence), or show every change. */
export function HistoryFilter({ slug, claims, entityId }: { slug: string; claims: { id: string; text: string }[]; entityId: string | null }) {
  const id = useId();
  const router = useRouter();
  const known = entityId === null || claims.some((c) => c.id === entityId);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        Show changes to
      </label>
      <select
        id={id}
        data-testid="history-filter"
        value={entityId ?? ""}
        onChange={(e) => router.push(e.target.value ? `/w/${slug}/history?entityId=${e.target.value}` : `/w/${slug}/history`)}
        className="max-w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 sm:max-w-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <option value="">everything in the workspace</option>
        {!known && <option value={entityId!}>the selected passage</option>}
        {claims.map((claim) => (
          <option key={claim.id} value={claim.id}>
            {claim.text.length > 90 ? `${claim.text.slice(0, 89)}…` : claim.text}
          </option>
        ))}
      </select>
    </div>
  );
}
