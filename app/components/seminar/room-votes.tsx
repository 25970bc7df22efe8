"use client";
import { Link } from "@/app/components/app-link";
import { eventSpec } from "@/lib/domain/events";
import { describeTally } from "@/lib/domain/seminar";
import type { TRoomVotes } from "@/lib/domain/seminar";
import { workspaceApi } from "../api";
import { useLiveData } from "../live/use-live-data";
import { TallyBars } from "./tally-bars";
import { VoteButtons } from "./vote-buttons";

/** "The room": the participants' votes on a claim, beside the authors' positions, and one's own vote. */
export function RoomVotes({ slug, claimId, votes: initial, canVote, signedIn, returnTo }: { slug: string; claimId: string; votes: TRoomVotes; canVote: boolean; signedIn: boolean; returnTo: string }) {
  // Votes arrive without re-rendering the page (they are quiet changes): the tally fetches itself,
  // also when a poll opens or its result is revealed or hidden (the tally is held back meanwhile).
  const votes = useLiveData(workspaceApi(slug, `/claims/${claimId}/vote`), initial, (m) => Boolean(eventSpec(m.type)?.tally) || m.entityType === "poll");
  return (
    <section aria-labelledby="room-heading" data-testid="room-votes" className="mt-8 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="room-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          The room
        </h2>
        <p data-testid="room-summary" className="text-sm text-slate-600 dark:text-slate-300">
          {votes.tally
            ? `${votes.tally.total === 1 ? "1 participant has voted" : `${votes.tally.total} participants have voted`}: ${describeTally(votes.tally)}`
            : "A poll on this claim is under way: the room's votes show once the facilitator reveals its result."}
        </p>
      </div>
      <div className="mt-3 grid gap-4 md:grid-cols-[minmax(0,1fr)_auto] md:items-center">
        {votes.tally ? (
          <TallyBars tally={votes.tally} testId="room-tally" />
        ) : (
          <p data-testid="room-tally-hidden" className="text-sm text-slate-500 dark:text-slate-400">
            Votes hidden until the poll&rsquo;s result is revealed.
          </p>
        )}
        {canVote ? (
          <VoteButtons slug={slug} target={{ claimId }} mine={votes.mine} label="Your view of this claim" />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {signedIn ? (
              "Members who may comment can vote."
            ) : (
              <Link className="underline" href={`/sign-in?next=${encodeURIComponent(returnTo)}`}>
                Sign in to vote
              </Link>
            )}
          </p>
        )}
      </div>
    </section>
  );
}
