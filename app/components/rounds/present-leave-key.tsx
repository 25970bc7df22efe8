"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { presentKeyAction } from "../seminar/present-key-action";

/** Esc leaves the projected reveal for `to`, by the presentation's own key rules. */
export function PresentLeaveKey({ to }: { to: string }) {
  const router = useRouter();
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = presentKeyAction({ key: event.key, shiftKey: event.shiftKey, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, repeat: event.repeat, target }, "local");
      if (action !== "leave") return;
      event.preventDefault();
      router.push(to);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, to]);
  return null;
}
