"use client";
import { useState } from "react";
import { callApi, describeFailure, workspaceApi } from "../api";
import { useLive } from "../live/live-context";

/** Starts a live session with this claim in the spotlight; the caller becomes its facilitator. */
export function StartSeminarButton({ slug, claimId, className = "" }: { slug: string; claimId?: string; className?: string }) {
  const { refresh } = useLive();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className={`inline-flex flex-col items-end gap-1 ${className}`}>
      <button
        type="button"
        data-testid="start-seminar"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await callApi(workspaceApi(slug, "/session"), { method: "POST", body: claimId ? { spotlightClaimId: claimId } : {} });
          setBusy(false);
          if (!result.ok) setError(describeFailure(result));
          else refresh();
        }}
        className="rounded-md bg-sky-700 px-4 py-2 text-base font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {busy ? "Starting…" : "Start a live session"}
      </button>
      {error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
