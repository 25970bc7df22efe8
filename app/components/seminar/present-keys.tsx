"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi, describeFailure, workspaceApi } from "../api";
import { useLive } from "../live/live-context";

/**
 * The presentation view's keys: → / Space / Page Down for the next claim, ← / Page Up for the
 * previous one, Esc to leave for the claim's page. The facilitator's keys move everyone's
 * spotlight; followers' screens follow it; without a session the keys move this screen only.
 */
export function PresentKeys({ slug, mode, claimId, previous, next }: { slug: string; mode: "local" | "facilitator" | "follower"; claimId: string; previous: string | null; next: string | null }) {
  const router = useRouter();
  const { refresh } = useLive();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  useEffect(() => {
    async function move(step: "next" | "previous") {
      const target = step === "next" ? next : previous;
      if (!target || busy.current) return;
      if (mode === "local") {
        router.replace(`/w/${slug}/present?claim=${target}`);
        return;
      }
      if (mode !== "facilitator") return;
      busy.current = true;
      const result = await callApi(workspaceApi(slug, "/session"), { method: "PATCH", body: { step } });
      busy.current = false;
      if (!result.ok) setError(describeFailure(result));
      else {
        setError(null);
        refresh();
      }
    }
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT", "BUTTON", "A"].includes(target.tagName)) && event.key === " ") return;
      if (event.key === "ArrowRight" || event.key === "PageDown" || (event.key === " " && !event.shiftKey)) {
        event.preventDefault();
        void move("next");
      } else if (event.key === "ArrowLeft" || event.key === "PageUp" || (event.key === " " && event.shiftKey)) {
        event.preventDefault();
        void move("previous");
      } else if (event.key === "Escape") {
        event.preventDefault();
        router.push(`/w/${slug}/claims/${claimId}`);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [slug, mode, claimId, previous, next, router, refresh]);

  return error ? (
    <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-200">
      {error}
    </p>
  ) : null;
}
