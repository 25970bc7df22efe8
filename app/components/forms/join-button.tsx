"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api, ApiError } from "./api";
import { buttonClass } from "./field";

/** Accepts an invite for the signed-in person and opens the workspace. */
export function JoinButton({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function join() {
    setBusy(true);
    setError(null);
    try {
      const { slug } = await api<{ slug: string }>(`/api/invites/${token}/accept`, { method: "POST" });
      router.push(`/w/${slug}/matrix`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not join.");
      setBusy(false);
    }
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={join} disabled={busy} className={buttonClass} data-testid="join-button">
        {busy ? "Joining…" : "Join the seminar"}
      </button>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
    </div>
  );
}
