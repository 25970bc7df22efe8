"use client";
import { workspaceApi } from "../api";
import { useLive } from "../live/live-context";
import { useMutation } from "../use-mutation";

/** Starts a live session with this claim in the spotlight; the caller becomes its facilitator. */
export function StartSeminarButton({ slug, claimId, className = "" }: { slug: string; claimId?: string; className?: string }) {
  const { refresh } = useLive();
  const mutation = useMutation();
  return (
    <span className={`inline-flex flex-col items-end gap-1 ${className}`}>
      <button
        type="button"
        data-testid="start-seminar"
        disabled={mutation.busy}
        onClick={async () => {
          const result = await mutation.run(workspaceApi(slug, "/session"), { method: "POST", body: claimId ? { spotlightClaimId: claimId } : {} });
          if (result?.ok) refresh();
        }}
        className="rounded-md bg-sky-700 px-4 py-2 text-base font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {mutation.busy ? "Starting…" : "Start a live session"}
      </button>
      {mutation.error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {mutation.error}
        </span>
      ) : null}
    </span>
  );
}
