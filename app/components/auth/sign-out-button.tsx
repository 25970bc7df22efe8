"use client";
import { useState } from "react";
import { callApi } from "../api";
import { SIGNING_OUT_EVENT, type TSigningOut } from "../live/live-context";

/** How long sign-out waits for pages to say goodbye before going ahead anyway. */
const GOODBYE_MS = 1500;

/** Ends the session, then reloads the page so nothing shown still depends on it. */
export function SignOutButton() {
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const signOut = async () => {
    setState("busy");
    const detail: TSigningOut = { pending: [] };
    window.dispatchEvent(new CustomEvent(SIGNING_OUT_EVENT, { detail }));
    await Promise.race([Promise.allSettled(detail.pending), new Promise((resolve) => setTimeout(resolve, GOODBYE_MS))]);
    const result = await callApi("/api/auth/sign-out", { method: "POST", body: {} });
    if (!result.ok) return setState("failed");
    window.location.reload();
  };
  return (
    <>
      <button
        type="button"
        data-testid="sign-out"
        onClick={() => void signOut()}
        disabled={state === "busy"}
        className="shrink-0 whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {state === "busy" ? "Signing out…" : "Sign out"}
      </button>
      {state === "failed" && (
        <span role="alert" className="text-sm text-opposes">
          Could not sign out — try again.
        </span>
      )}
    </>
  );
}
