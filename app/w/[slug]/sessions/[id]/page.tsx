import type { Metadata } from "next";
import { Link } from "@/app/components/app-link";
import { notFound } from "next/navigation";
import { describeTally } from "@/lib/domain/seminar";
import { AppError } from "@/lib/errors/app-error";
import { getSeminarRecord } from "@/lib/server/seminar/get-seminar-summary";
import { STANCE_VERB } from "@/lib/domain/stance-words";
import type { TStance } from "@/lib/domain/types";
import { TallyBars } from "@/app/components/seminar/tally-bars";
import { loadAccess, parseId } from "../../load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Session summary" };

const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** What a finished live session leaves: claims discussed, the room's votes and polls, evidence added. */
export default async function SessionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { workspace } = await loadAccess(slug);
  let record;
  try {
    record = await getSeminarRecord(workspace.id, parseId(id));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const base = `/w/${workspace.slug}`;
  const summary = record.summary;
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <p className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Live session</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{summary ? "Session summary" : "This session is still live"}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        Facilitated by {record.facilitator} · started <time dateTime={record.startedAt}>{TIME.format(new Date(record.startedAt))} UTC</time>
        {record.endedAt ? (
          <>
            {" "}
            · ended <time dateTime={record.endedAt}>{TIME.format(new Date(record.endedAt))} UTC</time>
          </>
        ) : null}
      </p>
      {summary ? (
        <>
          <section aria-labelledby="discussed-heading" className="mt-10">
            <h2 id="discussed-heading" className="text-xl font-semibold">
              Claims discussed <span className="text-base font-normal text-slate-500">({summary.claims.length})</span>
            </h2>
            {summary.claims.length === 0 ? (
              <p className="mt-2 text-slate-600 dark:text-slate-400">No claim was put in the spotlight.</p>
            ) : (
              <ol data-testid="summary-claims" className="mt-4 flex flex-col gap-6">
                {summary.claims.map((claim, index) => (
                  <li key={claim.id} data-testid="summary-claim" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                    <p className="font-semibold">
                      <span className="mr-2 text-slate-500 tabular-nums">{index + 1}.</span>
                      <Link href={`${base}/claims/${claim.id}`} className="underline-offset-2 hover:underline">
                        {claim.text}
                      </Link>
                    </p>
                    <div className="mt-3 grid gap-4 md:grid-cols-2">
                      <div>
                        <h3 className="mb-2 text-sm font-semibold text-slate-600 dark:text-slate-300">The room’s votes · {describeTally(claim.votes)}</h3>
                        <TallyBars tally={claim.votes} size="sm" testId="summary-votes" />
                      </div>
                      {claim.polls.map((poll, i) => (
                        <div key={i}>
                          <h3 className="mb-2 text-sm font-semibold text-slate-600 dark:text-slate-300">
                            Poll{claim.polls.length > 1 ? ` ${i + 1}` : ""} · {poll.total === 1 ? "1 answer" : `${poll.total} answers`}
                          </h3>
                          <TallyBars tally={poll} size="sm" testId="summary-poll" />
                        </div>
                      ))}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="added-heading" className="mt-10">
            <h2 id="added-heading" className="text-xl font-semibold">
              Evidence added during the session <span data-testid="summary-evidence-count" className="text-base font-normal text-slate-500">({summary.evidenceAddedCount})</span>
            </h2>
            {summary.evidenceAdded.length === 0 ? (
              <p className="mt-2 text-slate-600 dark:text-slate-400">None.</p>
            ) : (
              <ul className="mt-4 flex flex-col gap-3">
                {summary.evidenceAdded.map((e) => (
                  <li key={e.id} className="text-sm">
                    <span className="font-semibold">{e.author}</span> {STANCE_VERB[e.stance as TStance] ?? e.stance}{" "}
                    <Link href={`${base}/claims/${e.claimId}`} className="underline-offset-2 hover:underline">
                      {e.claimText}
                    </Link>
                    : <q className="text-slate-700 dark:text-slate-300">{e.exact}</q>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <p className="mt-6">
          <Link href={`${base}/present`} className="underline">
            Open the presentation view
          </Link>
        </p>
      )}
    </main>
  );
}
