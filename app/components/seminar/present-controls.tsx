"use client";
import type { TSeminarView } from "@/lib/domain/seminar";
import { presentModeOf } from "./present-key-action";
import { SeminarControls } from "./seminar-controls";
import { usePresentKeys } from "./use-present-keys";
import { useSeminarControls } from "./use-seminar-controls";

/**
 * The presentation view's controls: its keys for everyone, and for the session's facilitator a
 * slim strip along the bottom edge with the banner's buttons (which the projector's view hides),
 * quiet until pointed at or focused so that it stays out of the projected picture.
 */
export function PresentControls({ slug, seminar, claimId, previous, next }: { slug: string; seminar: TSeminarView | null; claimId: string; previous: string | null; next: string | null }) {
  const mode = presentModeOf(seminar);
  const controls = useSeminarControls(slug, seminar);
  usePresentKeys({ slug, mode, claimId, previous, next, controls });
  if (!seminar || mode !== "facilitator") return null;
  return (
    <div
      data-testid="present-controls"
      className="group/strip no-print sticky bottom-0 z-10 -mx-6 mt-4 -mb-5 border-t border-slate-100 bg-white px-6 py-1.5 transition-colors focus-within:border-slate-300 hover:border-slate-300 sm:-mx-10 sm:px-10 2xl:-mx-14 2xl:px-14 dark:border-slate-900 dark:bg-slate-950 dark:focus-within:border-slate-700 dark:hover:border-slate-700"
    >
      <SeminarControls seminar={seminar} controls={controls} variant="strip" />
    </div>
  );
}
