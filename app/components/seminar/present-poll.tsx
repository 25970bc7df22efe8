"use client";
import type { TSeminarView } from "@/lib/domain/seminar";
import { TallyBars } from "./tally-bars";
import { useLiveSeminar } from "./use-live-seminar";

/**
 * The poll on the projector, when it asks about the claim on screen: its answers count up as the
 * room answers and its result appears once revealed. Ballots re-render no page (they are quiet
 * changes), so the box fetches the session itself, starting from the server-rendered state.
 */
export function PresentPoll({ slug, claimId, seminar: rendered }: { slug: string; claimId: string; seminar: TSeminarView | null }) {
  const seminar = useLiveSeminar(slug, rendered);
  const poll = seminar?.poll?.claimId === claimId ? seminar.poll : null;
  if (!poll) return null;
  return (
    <section data-testid="present-poll" aria-label="Poll" className="w-full shrink-0 rounded-2xl border-2 border-sky-300 p-5 xl:w-[32rem] dark:border-sky-800">
      <h2 className="text-2xl font-semibold">
        {poll.open ? "Poll open" : "Poll"} · <span data-testid="present-ballots">{poll.ballots === 1 ? "1 answer" : `${poll.ballots} answers`}</span>
      </h2>
      {poll.revealed && poll.tally ? (
        <div className="mt-4">
          <TallyBars tally={poll.tally} size="lg" testId="present-tally" />
        </div>
      ) : (
        <p className="mt-2 text-xl text-slate-600 dark:text-slate-300">Answer on your own screen; the result appears here when the facilitator reveals it.</p>
      )}
    </section>
  );
}
