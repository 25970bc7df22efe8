"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { presentKeyAction, type TPresentMode } from "./present-key-action";
import type { TSeminarControls } from "./use-seminar-controls";

/**
 * Listens for the presentation's keys (see presentKeyAction). The facilitator's keys go through
 * the same controls as the strip's buttons, so they share its busy state and its error; without a
 * session the arrows move this screen only; followers' screens follow the spotlight instead.
 */
export function usePresentKeys({ slug, mode, claimId, previous, next, controls }: { slug: string; mode: TPresentMode; claimId: string; previous: string | null; next: string | null; controls: TSeminarControls }) {
  const router = useRouter();
  // Read when a key arrives: the listener stays registered across renders.
  const latest = useRef({ mode, claimId, previous, next, controls });
  latest.current = { mode, claimId, previous, next, controls };

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { mode, claimId, previous, next, controls } = latest.current;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = presentKeyAction({ key: event.key, shiftKey: event.shiftKey, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, repeat: event.repeat, target }, mode);
      if (!action) return;
      event.preventDefault();
      if (action === "next" || action === "previous") {
        const to = action === "next" ? next : previous;
        if (!to) return;
        if (mode === "local") router.replace(`/w/${slug}/present?claim=${to}`);
        else if (mode === "facilitator") void controls.step(action);
      } else if (action === "leave") router.push(`/w/${slug}/claims/${claimId}`);
      else if (action === "poll") void controls.togglePoll();
      else if (action === "result") void controls.toggleResult();
      else void controls.toggleLock();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [slug, router]);
}
