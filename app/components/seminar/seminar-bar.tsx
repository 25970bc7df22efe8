"use client";
import { Link } from "@/app/components/app-link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { STEERED_EVENT } from "@/lib/domain/events";
import { describeTally } from "@/lib/domain/seminar";
import type { TSeminarView } from "@/lib/domain/seminar";
import { useLive } from "../live/live-context";
import { BANNER_BUTTON, SeminarControls } from "./seminar-controls";
import { TallyBars } from "./tally-bars";
import { useFollowing } from "./use-following";
import { useLiveSeminar } from "./use-live-seminar";
import { useSeminarControls } from "./use-seminar-controls";
import { VoteButtons } from "./vote-buttons";

/**
 * The live session's banner under the workspace header: who facilitates, the spotlighted claim,
 * following it (followers' screens move with the spotlight), the open poll, the editing lock, and
 * for the facilitator the controls. When none runs, it points to the summary of one that ended a
 * short while ago.
 */
export function SeminarBar({
  slug,
  live,
  ended,
  canVote,
  lockedOut,
}: {
  slug: string;
  live: TSeminarView | null;
  ended: { id: string } | null;
  canVote: boolean;
  lockedOut: boolean;
}) {
  // Polls fill up without re-rendering the page: the bar fetches the session on its own messages.
  live = useLiveSeminar(slug, live);
  if (!live) {
    if (!ended) return null;
    return (
      <div data-testid="seminar-ended" className="no-print border-b border-slate-200 bg-slate-100 dark:border-slate-800 dark:bg-slate-900">
        <p className="mx-auto max-w-[96rem] px-4 py-2 text-sm text-slate-700 dark:text-slate-300">
          The live session has ended.{" "}
          <Link href={`/w/${slug}/sessions/${ended.id}`} className="font-semibold underline underline-offset-2">
            See its summary
          </Link>
        </p>
      </div>
    );
  }
  return <LiveSeminar slug={slug} seminar={live} canVote={canVote} lockedOut={lockedOut} />;
}

const TOAST = "pointer-events-auto max-w-xl rounded-lg border border-sky-300 bg-white px-4 py-2 text-sm text-slate-800 shadow-lg dark:border-sky-800 dark:bg-slate-900 dark:text-slate-100";

function LiveSeminar({ slug, seminar, canVote, lockedOut }: { slug: string; seminar: TSeminarView; canVote: boolean; lockedOut: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const { following, known, setFollowing } = useFollowing(seminar.id, seminar.isFacilitator);
  const spotlightId = seminar.spotlight?.claimId ?? null;
  const target = spotlightId ? `/w/${slug}/claims/${spotlightId}` : null;

  // Move with the spotlight: on arrival (a reload or a new tab lands on it) and whenever the
  // session's state shows a new one; in between, a follower may read elsewhere without being
  // pulled back. `seen` is the spotlight this tab last went to (or chose not to): the state
  // fetched after a steering message may arrive after the move it announced, and must not move
  // the screen again — nor, arriving late with the old spotlight, move it back.
  const seen = useRef<string | null | undefined>(undefined);
  // What the message listener and moveTo read: this render's values, without resubscribing.
  const latest = useRef({ following, isFacilitator: seminar.isFacilitator, pathname });
  latest.current = { following, isFacilitator: seminar.isFacilitator, pathname };
  // A follower in the middle of writing (a comment, a claim, a citation) is not pulled away from
  // it: the screen stays, and the bar offers the way to the spotlight.
  const [held, setHeld] = useState<string | null>(null);
  // On a slow network the move takes a moment: the bar says so until the claim's page is shown.
  const [moving, startMoving] = useTransition();
  const moveTo = useCallback(
    (claimId: string | null) => {
      const path = claimId ? `/w/${slug}/claims/${claimId}` : null;
      if (!path || latest.current.pathname === path) return setHeld(null);
      if (isWriting()) return setHeld(claimId);
      setHeld(null);
      startMoving(() => router.push(path));
    },
    [slug, router],
  );
  useEffect(() => {
    if (!known) return;
    if (!following || seminar.isFacilitator) {
      seen.current = spotlightId;
      return;
    }
    if (seen.current === spotlightId) return;
    seen.current = spotlightId;
    moveTo(spotlightId);
  }, [known, following, seminar.isFacilitator, spotlightId, moveTo]);

  // The spotlight moving is acted on as soon as its message arrives — the message names the
  // claim — straight to it, without re-rendering the page being left. Pages other than the
  // session's own do not show the spotlight (this bar fetches its state itself), so for everyone
  // else the message re-renders nothing: with a room of followers, the server renders each
  // follower's next page and nothing more.
  const { subscribe } = useLive();
  useEffect(
    () =>
      subscribe((message) => {
        if (message.type !== STEERED_EVENT) return;
        const { following, isFacilitator, pathname } = latest.current;
        const next = message.claimId ?? null;
        if (following && !isFacilitator && next && seen.current !== next) {
          seen.current = next;
          moveTo(next);
        } else if (pathname.startsWith(`/w/${slug}/sessions/`)) {
          return;
        }
        return "handled";
      }),
    [subscribe, slug, moveTo],
  );
  const heldBack = following && !seminar.isFacilitator && held !== null && held === spotlightId && pathname !== target;

  const poll = seminar.poll;
  const pollOnScreen = poll && (poll.open || poll.revealed);
  return (
    <section aria-label="Live session" data-testid="seminar-bar" data-spotlight={spotlightId ?? ""} data-following={following} className="no-print border-b border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/60">
      <div className="mx-auto flex max-w-[96rem] flex-col gap-2 px-4 py-2">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <p className="flex items-center gap-2 font-semibold text-sky-900 dark:text-sky-200">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-red-600 motion-safe:animate-pulse" />
            Live session
            <span className="font-normal text-slate-700 dark:text-slate-300">
              · {seminar.isFacilitator ? "you are facilitating" : `facilitated by ${seminar.facilitator.name}`}
            </span>
          </p>
          {seminar.spotlight ? (
            <p className="min-w-0 max-w-full truncate text-slate-800 dark:text-slate-200">
              <span className="text-slate-600 dark:text-slate-400">
                Claim {seminar.spotlight.position} of {seminar.spotlight.count}:
              </span>{" "}
              <Link data-testid="seminar-spotlight" href={target!} className="font-medium underline-offset-2 hover:underline">
                {seminar.spotlight.text}
              </Link>
            </p>
          ) : (
            <p className="text-slate-600 dark:text-slate-400">No claim in the spotlight yet.</p>
          )}
          {seminar.locked ? (
            <p data-testid="seminar-locked" className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100">
              <span aria-hidden="true">🔒 </span>
              {lockedOut ? "Editing is locked by the facilitator" : "Editing locked for everyone else"}
            </p>
          ) : null}
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {seminar.isFacilitator ? null : (
              <button type="button" className={BANNER_BUTTON} aria-pressed={following} data-testid="seminar-follow" onClick={() => {
                if (!following) seen.current = undefined;
                setFollowing(!following);
              }}>
                {following ? "Following ✓" : "Follow the facilitator"}
              </button>
            )}
            <Link href={`/w/${slug}/present`} className={BANNER_BUTTON}>
              Presentation view
            </Link>
          </div>
        </div>
        {moving || heldBack ? (
          // Fixed to the top of the screen: a follower writing at the bottom of a long page (or
          // above a phone's keyboard) would not see a line in the banner.
          <div className="pointer-events-none fixed inset-x-0 top-2 z-50 flex justify-center px-3">
            {moving ? (
              <p role="status" data-testid="seminar-moving" className={TOAST}>
                <span aria-hidden="true" className="mr-1.5 inline-block size-3 rounded-full border-2 border-sky-600 border-t-transparent align-[-1px] motion-safe:animate-spin" />
                Moving to the spotlighted claim…
              </p>
            ) : (
              <p role="status" data-testid="seminar-held" className={TOAST}>
                The facilitator moved on; your screen stayed because you are writing.{" "}
                <Link href={target!} className="font-semibold underline underline-offset-2">
                  Go to the spotlighted claim
                </Link>
              </p>
            )}
          </div>
        ) : null}
        {seminar.isFacilitator ? <FacilitatorControls slug={slug} seminar={seminar} onClaimPage={pathname.startsWith(`/w/${slug}/claims/`) ? pathname.split("/")[4] : null} /> : null}
        {pollOnScreen && !seminar.isFacilitator ? <ParticipantPoll slug={slug} seminar={seminar} canVote={canVote} /> : null}
      </div>
    </section>
  );
}

function FacilitatorControls({ slug, seminar, onClaimPage }: { slug: string; seminar: TSeminarView; onClaimPage: string | null }) {
  const controls = useSeminarControls(slug, seminar);
  const poll = seminar.poll;
  return (
    <div data-testid="facilitator-controls" className="flex flex-col gap-2">
      <SeminarControls seminar={seminar} controls={controls} variant="banner" spotlightable={onClaimPage} />
      {poll ? (
        <div data-testid="facilitator-poll" className="max-w-xl rounded-lg border border-sky-200 bg-white p-3 dark:border-sky-900 dark:bg-slate-900">
          <p className="mb-2 text-sm">
            <span className="font-semibold">{poll.open ? "Poll open" : "Poll closed"}</span>
            {" · "}
            <span data-testid="poll-ballots">{poll.ballots === 1 ? "1 answer" : `${poll.ballots} answers`}</span>
            {" · "}
            <span className="text-slate-500 dark:text-slate-400">{poll.revealed ? "result shown to everyone" : "result hidden from participants"}</span>
          </p>
          <p className="mb-2 line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{poll.claimText}</p>
          {poll.tally ? <TallyBars tally={poll.tally} size="sm" testId="poll-tally" /> : null}
        </div>
      ) : null}
    </div>
  );
}

function ParticipantPoll({ slug, seminar, canVote }: { slug: string; seminar: TSeminarView; canVote: boolean }) {
  const poll = seminar.poll!;
  return (
    <div data-testid="participant-poll" className="max-w-2xl rounded-lg border border-sky-200 bg-white p-3 dark:border-sky-900 dark:bg-slate-900">
      <p className="text-sm">
        <span className="font-semibold">{poll.open ? "Poll — what do you think?" : "Poll result"}</span>{" "}
        <span className="text-slate-500 dark:text-slate-400">{poll.ballots === 1 ? "1 answer" : `${poll.ballots} answers`}</span>
      </p>
      <p className="mt-1 mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">{poll.claimText}</p>
      {poll.open ? (
        canVote ? (
          <VoteButtons slug={slug} target="poll" mine={poll.myChoice} label="Your answer to the poll" />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">Sign in as a member to answer.</p>
        )
      ) : null}
      {poll.revealed && poll.tally ? (
        <div className="mt-3">
          <TallyBars tally={poll.tally} size="sm" testId="poll-tally" />
          <p className="sr-only">{describeTally(poll.tally)}</p>
        </div>
      ) : poll.open ? (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">The result is shown when the facilitator reveals it.</p>
      ) : null}
    </div>
  );
}

/**
 * Whether the reader has typed something on the page: text in a visible field other than the
 * search box (a comment, a claim's new wording, a citation's claim search).
 */
function isWriting(): boolean {
  const fields = document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input:not([type]), input[type="text"]');
  for (const field of fields) {
    if (field.closest('[role="search"]') || field.readOnly || field.disabled || field.getClientRects().length === 0) continue;
    if (field.value.trim() !== "") return true;
  }
  return false;
}
