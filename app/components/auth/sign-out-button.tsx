"use client";
import { Button } from "../button";
import { SIGNING_OUT_EVENT, type TSigningOut } from "../live/live-context";
import { useMutation } from "../use-mutation";

/** How long sign-out waits for pages to say goodbye before going ahead anyway. */
const GOODBYE_MS = 1500;

/** Ends the session, then reloads the page so nothing shown still depends on it. */
export function SignOutButton() {
  const mutation = useMutation();
  const signOut = async () => {
    const result = await mutation.perform(async (send) => {
      const detail: TSigningOut = { pending: [] };
      window.dispatchEvent(new CustomEvent(SIGNING_OUT_EVENT, { detail }));
      await Promise.race([Promise.allSettled(detail.pending), new Promise((resolve) => setTimeout(resolve, GOODBYE_MS))]);
      return send("/api/auth/sign-out", { method: "POST", body: {} });
    }, { stayBusy: true });
    if (result?.ok) window.location.reload();
  };
  return (
    <>
      <Button variant="secondary" size="xs" data-testid="sign-out" onClick={() => void signOut()} busy={mutation.busy} busyLabel="Signing out…" className="shrink-0 whitespace-nowrap">
        Sign out
      </Button>
      {mutation.failure && (
        <span role="alert" className="text-sm text-opposes">
          Could not sign out — try again.
        </span>
      )}
    </>
  );
}
