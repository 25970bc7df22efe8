"use client";
import { Link } from "@/app/components/app-link";
import { useEffect, useId, useRef, useState } from "react";
import type { TPresenceEntry } from "@/lib/realtime/events";
import { initialsOf } from "../auth/initials";
import { useLive, type TLiveStatus } from "./live-context";
import { describeView, hrefOfView } from "./presence-view";

const STATUS_TEXT: Record<TLiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline — retrying",
};

const STATUS_HINT: Record<TLiveStatus, string> = {
  connecting: "Connecting to live updates.",
  live: "Changes by others appear here as they are made.",
  reconnecting: "The connection dropped; changes made meanwhile will appear once it is back.",
  offline: "Live updates are unavailable; reload the page to see the latest changes.",
};

/** Avatar colours that are none of the stance colours, picked by a stable hash of the user id; each carries white initials at 4.5:1 or more. */
const AVATAR_COLORS = ["#0072b2", "#4f46e5", "#1e3a8a", "#8b5e34", "#0f766e", "#7c3aed", "#475569", "#a16207"];

function colorOf(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length];
}

/** The live-updates indicator and who else is in the workspace, for the workspace header. */
export function LiveBar({ slug }: { slug: string }) {
  const { status, here, viewerId } = useLive();
  const others = here.filter((p) => p.userId !== viewerId);
  return (
    <div className="no-print flex items-center gap-3">
      <PresenceList slug={slug} others={others} viewerHere={here.some((p) => p.userId === viewerId)} />
      <p data-testid="live-status" data-status={status} title={STATUS_HINT[status]} className="flex items-center gap-1.5 text-xs font-medium text-slate-600 dark:text-slate-300">
        <span
          aria-hidden="true"
          className={`inline-block size-2 rounded-full ${status === "live" ? "bg-supports" : status === "offline" ? "bg-opposes" : "animate-pulse bg-slate-400"}`}
        />
        <span role="status">{STATUS_TEXT[status]}</span>
      </p>
    </div>
  );
}

const SHOWN = 4;

function PresenceList({ slug, others, viewerHere }: { slug: string; others: TPresenceEntry[]; viewerHere: boolean }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (others.length === 0) return null;
  const summary = others.length === 1 ? `${others[0].name} · ${describeView(others[0].view)}` : `${others.length} others here`;
  return (
    <div ref={wrapper} className="relative" data-testid="presence">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-0.5 pr-2 pl-0.5 text-xs font-medium text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <span className="flex -space-x-1.5" aria-hidden="true">
          {others.slice(0, SHOWN).map((p) => (
            <Avatar key={p.userId} entry={p} />
          ))}
          {others.length > SHOWN && (
            <span className="inline-flex size-7 items-center justify-center rounded-full bg-slate-300 text-[0.7rem] font-semibold text-slate-800 ring-2 ring-slate-50 dark:bg-slate-600 dark:text-white dark:ring-slate-900">
              +{others.length - SHOWN}
            </span>
          )}
        </span>
        <span className="hidden max-w-[16rem] truncate sm:inline">{summary}</span>
        <span className="sr-only sm:hidden">{summary}</span>
      </button>
      <div
        id={listId}
        hidden={!open}
        className="absolute top-full left-0 z-50 mt-2 w-72 sm:right-0 sm:left-auto max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-3 shadow-xl dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Here now</h2>
        <ul className="flex flex-col gap-2" data-testid="presence-list">
          {others.map((p) => {
            const href = hrefOfView(slug, p.view, p.targetId);
            return (
              <li key={p.userId} data-testid="presence-entry" data-user-id={p.userId} data-view={p.view} className="flex items-center gap-2 text-sm">
                <Avatar entry={p} />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900 dark:text-slate-100">{p.name}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {href ? (
                      <Link href={href} onClick={() => setOpen(false)} className="underline-offset-2 hover:underline">
                        {describeView(p.view)}
                      </Link>
                    ) : (
                      describeView(p.view)
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
        {viewerHere && <p className="mt-2 border-t border-slate-200 pt-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">You are shown to them as well.</p>}
      </div>
    </div>
  );
}

function Avatar({ entry }: { entry: TPresenceEntry }) {
  return (
    <span
      title={`${entry.name} — ${describeView(entry.view)}`}
      style={{ backgroundColor: colorOf(entry.userId) }}
      className="inline-flex size-7 shrink-0 items-center justify-center rounded-full text-[0.7rem] font-semibold text-white ring-2 ring-slate-50 dark:ring-slate-900"
    >
      {initialsOf(entry.name)}
    </span>
  );
}
