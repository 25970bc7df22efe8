"use client";
import { Link } from "@/app/components/app-link";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi, describeFailure, workspaceApi, type TApiFailure } from "../api";
import { FormError } from "../evidence/evidence-fields";
import { useLive } from "../live/live-context";
import { LOCAL_TIME, describeTime } from "../describe-time";
import { claimIdOf, describeAction, describeChanges, undoOf, type THistoryEvent } from "./describe-event";

type TLoad = { status: "loading" } | { status: "error"; failure: TApiFailure } | { status: "ready"; events: THistoryEvent[]; next: string | null };

/**
 * The change log, newest first: who did what, when, and what it was before and after. Undo where
 * the server says the viewer may (their own changes; owners: anyone's). Refreshes itself when the
 * workspace changes.
 */
export function HistoryList({ slug, entityId, claims }: { slug: string; entityId: string | null; claims: Record<string, string> }) {
  const { revision, refresh } = useLive();
  const [load, setLoad] = useState<TLoad>({ status: "loading" });
  const [older, setOlder] = useState<{ events: THistoryEvent[]; next: string | null } | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<{ eventId: string; failure: TApiFailure } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const ticket = useRef(0);

  const query = useCallback((before?: string) => {
    const params = new URLSearchParams();
    if (entityId) params.set("entityId", entityId);
    if (before) params.set("before", before);
    const qs = params.toString();
    return callApi<{ events: THistoryEvent[]; next: string | null }>(workspaceApi(slug, `/history${qs ? `?${qs}` : ""}`));
  }, [slug, entityId]);

  const fetchFirst = useCallback(async () => {
    const mine = ++ticket.current;
    const result = await query();
    if (mine !== ticket.current) return;
    setNow(Date.now());
    setLoad(result.ok ? { status: "ready", events: result.data.events, next: result.data.next } : { status: "error", failure: result });
  }, [query]);

  useEffect(() => {
    void fetchFirst();
  }, [fetchFirst, revision]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const loadOlder = async () => {
    const from = older?.next ?? (load.status === "ready" ? load.next : null);
    if (!from) return;
    const result = await query(from);
    if (result.ok) setOlder((current) => ({ events: [...(current?.events ?? []), ...result.data.events], next: result.data.next }));
  };

  const undo = async (event: THistoryEvent) => {
    setUndoing(event.id);
    setUndoError(null);
    const result = await callApi(workspaceApi(slug, `/history/${event.id}/undo`), { method: "POST", body: {} });
    setUndoing(null);
    if (!result.ok) return setUndoError({ eventId: event.id, failure: result });
    setOlder(null);
    refresh();
  };

  if (load.status === "loading") {
    return (
      <p role="status" className="text-slate-600 dark:text-slate-400">
        Loading the history…
      </p>
    );
  }
  if (load.status === "error") {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3">
        <p>Could not load the history: {describeFailure(load.failure)}</p>
        <button type="button" onClick={() => void fetchFirst()} className="rounded-md bg-slate-900 px-3 py-1 text-sm font-medium text-white dark:bg-slate-100 dark:text-slate-900">
          Try again
        </button>
      </div>
    );
  }

  const events = [...load.events, ...(older?.events ?? [])];
  const next = older ? older.next : load.next;
  if (events.length === 0) {
    return <p className="text-slate-600 dark:text-slate-400">No changes yet{entityId ? " to this item" : ""}.</p>;
  }
  return (
    <>
      <ol data-testid="history-list" className="divide-y divide-slate-200 border-y border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {events.map((event) => {
          const changes = describeChanges(event);
          const claimId = claimIdOf(event);
          const claimText = claimId && event.entityType !== "claim" ? claims[claimId] : undefined;
          const undone = undoOf(event);
          return (
            <li key={event.id} data-testid="history-event" data-event-id={event.id} data-type={event.type} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
              <div className="min-w-0">
                <p className="text-slate-900 dark:text-slate-100">
                  <span className="font-semibold">{event.actor?.name ?? "Former member"}</span> {describeAction(event)}
                  {claimText && (
                    <>
                      {" "}
                      on{" "}
                      <Link href={`/w/${slug}/claims/${claimId}`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                        “{claimText}”
                      </Link>
                    </>
                  )}
                  {undone && <span className="text-slate-500 dark:text-slate-400"> (undoing an earlier change)</span>}
                </p>
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  <time dateTime={event.createdAt} title={LOCAL_TIME.format(new Date(event.createdAt))}>
                    {describeTime(event.createdAt, now)}
                  </time>
                  {event.undoneBy && <span className="ml-2 rounded border border-slate-300 px-1.5 py-px text-xs dark:border-slate-600">Undone</span>}
                </p>
                {changes.length > 0 && (
                  <dl className="mt-2 grid gap-1.5 text-sm">
                    {changes.map((change) => (
                      <div key={change.field} data-testid="history-change" className="grid gap-x-3 sm:grid-cols-[5rem_minmax(0,1fr)]">
                        <dt className="font-medium text-slate-600 dark:text-slate-400">{change.field}</dt>
                        <dd className="min-w-0 break-words text-slate-800 dark:text-slate-200">
                          {change.before !== null && (
                            <del data-testid="history-before" className="text-slate-500 decoration-opposes/70 dark:text-slate-400">
                              {change.before}
                            </del>
                          )}
                          {change.before !== null && change.after !== null && (
                            <span aria-label="changed to" className="mx-1.5 text-slate-400">
                              →
                            </span>
                          )}
                          {change.after !== null && (
                            <ins data-testid="history-after" className="no-underline">
                              {change.after}
                            </ins>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                {undoError?.eventId === event.id && (
                  <div className="mt-2">
                    <FormError message={describeFailure(undoError.failure)} />
                  </div>
                )}
              </div>
              {event.undoable && (
                <button
                  type="button"
                  data-testid="history-undo"
                  disabled={undoing !== null}
                  onClick={() => void undo(event)}
                  className="shrink-0 self-start rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
                >
                  {undoing === event.id ? "Undoing…" : "Undo"}
                  <span className="sr-only"> this change</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {next && (
        <button type="button" onClick={() => void loadOlder()} className="mt-4 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600">
          Show older changes
        </button>
      )}
    </>
  );
}
