"use client";
import type { TSeminarView } from "@/lib/domain/seminar";
import type { TSeminarControls } from "./use-seminar-controls";

const LOOK = {
  banner: {
    box: "flex flex-col gap-2",
    button: "rounded-md border bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:bg-slate-900 dark:hover:bg-slate-800",
    tone: "border-slate-300 text-slate-800 dark:border-slate-600 dark:text-slate-100",
    end: "border-red-300 text-red-800 dark:border-red-800 dark:text-red-300",
    alert: "text-sm text-red-700 dark:text-red-400",
  },
  // Quiet on the projector: muted text without borders (still legible, as contrast rules ask)
  // until the pointer or the focus is in the strip, which carries the `group/strip` class.
  strip: {
    box: "flex flex-wrap items-center justify-end gap-x-4 gap-y-1",
    button:
      "rounded border border-transparent px-2 py-0.5 text-xs font-medium text-slate-500 transition-colors hover:bg-slate-100 disabled:opacity-50 group-focus-within/strip:border-slate-300 group-hover/strip:border-slate-300 2xl:text-sm dark:text-slate-400 dark:hover:bg-slate-800 dark:group-focus-within/strip:border-slate-600 dark:group-hover/strip:border-slate-600",
    tone: "group-focus-within/strip:text-slate-800 group-hover/strip:text-slate-800 dark:group-focus-within/strip:text-slate-100 dark:group-hover/strip:text-slate-100",
    end: "group-focus-within/strip:text-red-800 group-hover/strip:text-red-800 dark:group-focus-within/strip:text-red-300 dark:group-hover/strip:text-red-300",
    alert: "order-first mr-auto text-sm font-medium text-red-700 dark:text-red-400",
  },
} as const;

/** The banner's look, for its other buttons too. */
export const BANNER_BUTTON = `${LOOK.banner.button} ${LOOK.banner.tone}`;

/** The presentation's keys for each control, announced to assistive technology. */
const KEYS = { previous: "ArrowLeft PageUp", next: "ArrowRight Space PageDown", poll: "P", result: "R", lock: "L" } as const;

/**
 * The facilitator's buttons: previous and next claim, spotlight the claim being read (the banner,
 * on a claim page), open or close the poll, reveal or hide its result, lock editing, end the
 * session; and the last control's failure as an alert. On the presentation's strip the labels are
 * shorter to the eye (the same to a screen reader) and name their keys.
 */
export function SeminarControls({ seminar, controls, variant, spotlightable = null }: { seminar: TSeminarView; controls: TSeminarControls; variant: keyof typeof LOOK; spotlightable?: string | null }) {
  const look = LOOK[variant];
  const button = `${look.button} ${look.tone}`;
  const strip = variant === "strip";
  const { busy, error } = controls;
  const poll = seminar.poll;
  const keys = (name: keyof typeof KEYS) => (strip ? KEYS[name] : undefined);
  const claim = <span className={strip ? "sr-only" : undefined}> claim</span>;
  return (
    <div className={look.box}>
      <div role="toolbar" aria-label="Facilitator controls" className="flex flex-wrap items-center gap-2">
        <button type="button" className={button} disabled={busy} aria-keyshortcuts={keys("previous")} onClick={() => void controls.step("previous")}>
          ← Previous{claim}
        </button>
        <button type="button" className={button} disabled={busy} aria-keyshortcuts={keys("next")} onClick={() => void controls.step("next")}>
          Next{claim} →
        </button>
        {spotlightable && spotlightable !== seminar.spotlight?.claimId ? (
          <button type="button" className={button} disabled={busy} onClick={() => void controls.spotlight(spotlightable)}>
            Spotlight this claim
          </button>
        ) : null}
        <button type="button" className={button} disabled={busy || (!poll?.open && !seminar.spotlight)} aria-keyshortcuts={keys("poll")} onClick={() => void controls.togglePoll()}>
          {poll?.open ? "Close poll" : "Open poll"}
        </button>
        {poll ? (
          <button type="button" className={button} disabled={busy} aria-keyshortcuts={keys("result")} onClick={() => void controls.toggleResult()}>
            {poll.revealed ? "Hide result" : "Reveal result"}
          </button>
        ) : null}
        <button type="button" className={button} disabled={busy} aria-pressed={seminar.locked} aria-keyshortcuts={keys("lock")} onClick={() => void controls.toggleLock()}>
          {seminar.locked ? "Unlock editing" : "Lock editing"}
        </button>
        <button type="button" className={`${look.button} ${look.end}`} disabled={busy} onClick={() => void controls.end()}>
          End session
        </button>
      </div>
      {error ? (
        <p role="alert" className={look.alert}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
