"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { eventSpec } from "@/lib/domain/events";
import { PRESENCE_HEARTBEAT_MS, type TAccessMessage, type TChangeMessage, type TPresenceEntry } from "@/lib/realtime/events";
import { useWorkspaceEvents, type TStreamStatus } from "@/lib/realtime/use-workspace-events";
import { callApi, newRequestKey, workspaceApi } from "../api";
import { LiveContext, SIGNING_OUT_EVENT, type TChangeListener, type TLiveStatus, type TSigningOut } from "./live-context";
import { viewOfPath } from "./presence-view";


/** Several changes in quick succession (one save can write three events) cause one refresh. */
const REFRESH_DEBOUNCE_MS = 150;
/** When the stream gave up (the server refused it), how long before trying a new one. */
const RETRY_CLOSED_MS = 5_000;

/**
 * Keeps every page of a workspace live: the server-rendered data is refreshed when anyone changes
 * something (client state — an open panel, a half-typed form — survives, because router.refresh()
 * re-renders server components without remounting client ones), and signed-in readers report
 * where they are and see who else is here.
 */
/**
 * `since`: the newest event when the page was read on the server; the stream starts after it, so
 * a change committed while the page was on its way still reaches it.
 */
export function LiveWorkspace({ slug, since, viewerId, children }: { slug: string; since: string; viewerId: string | null; children: ReactNode }) {
  const router = useRouter();
  const [revision, setRevision] = useState(0);
  const [here, setHere] = useState<TPresenceEntry[]>([]);
  const [stream, setStream] = useState<{ status: TStreamStatus; attempt: number; everLive: boolean }>({ status: "connecting", attempt: 0, everLive: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The last event this page has seen: a new stream (after the browser gave up) starts after it.
  const seen = useRef(since);
  const onSeen = useCallback((id: string) => {
    seen.current = id;
  }, []);

  const refreshNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setRevision((r) => r + 1);
    router.refresh();
  }, [router]);

  // Components that act on a change at once (a follower's screen moving with the spotlight)
  // rather than waiting for the refreshed page.
  const listeners = useRef(new Set<TChangeListener>());
  const subscribe = useCallback((listener: TChangeListener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const scheduleRefresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(refreshNow, REFRESH_DEBOUNCE_MS);
  }, [refreshNow]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const lastStatus = useRef<{ status: TStreamStatus; everLive: boolean }>({ status: "connecting", everLive: false });
  const onStatus = useCallback(
    (status: TStreamStatus) => {
      const last = lastStatus.current;
      // Back after a gap: the browser replays missed events, and a fresh stream (after a retry)
      // starts after the last one seen; look again anyway — an access check or a reset may have
      // come and gone while away.
      if (status === "live" && last.status !== "live" && last.everLive) scheduleRefresh();
      lastStatus.current = { status, everLive: last.everLive || status === "live" };
      setStream((current) => ({ ...current, status, everLive: current.everLive || status === "live" }));
    },
    [scheduleRefresh],
  );

  useEffect(() => {
    if (stream.status !== "offline") return;
    const retry = setTimeout(() => setStream((current) => ({ ...current, status: "connecting", attempt: current.attempt + 1 })), RETRY_CLOSED_MS);
    return () => clearTimeout(retry);
  }, [stream.status]);

  const onChange = useCallback(
    (message: TChangeMessage) => {
      let handled = false;
      for (const listener of listeners.current) if (listener(message) === "handled") handled = true;
      // Quiet changes (votes) would re-render every open page once per vote; what shows them fetches its own data.
      if (!handled && !eventSpec(message.type)?.quiet) scheduleRefresh();
    },
    [scheduleRefresh],
  );

  const [accessEnded, setAccessEnded] = useState(false);
  const onAccess = useCallback(
    (message: TAccessMessage) => {
      if (message.ended) setAccessEnded(true);
      else refreshNow();
    },
    [refreshNow],
  );

  usePresenceReport(slug, accessEnded ? null : viewerId);

  // After access ended there is no stream any more: the page is no longer live.
  const status: TLiveStatus = accessEnded || stream.status === "offline" ? "offline" : stream.status === "live" ? "live" : stream.everLive ? "reconnecting" : "connecting";
  const value = useMemo(() => ({ status, here, viewerId, revision, refresh: refreshNow, subscribe }), [status, here, viewerId, revision, refreshNow, subscribe]);

  return (
    <LiveContext.Provider value={value}>
      {accessEnded ? <AccessEnded /> : <Subscription key={stream.attempt} slug={slug} after={seen.current} onSeen={onSeen} onChange={onChange} onPresence={setHere} onStatus={onStatus} onReset={scheduleRefresh} onAccess={onAccess} />}
      {children}
    </LiveContext.Provider>
  );
}

/** One EventSource; remounted (by key) to open a new one after the browser gave up on the old. */
function Subscription({
  slug,
  after,
  onSeen,
  onChange,
  onPresence,
  onStatus,
  onReset,
  onAccess,
}: {
  slug: string;
  after: string;
  onSeen: (id: string) => void;
  onChange: (message: TChangeMessage) => void;
  onPresence: (here: TPresenceEntry[]) => void;
  onStatus: (s: TStreamStatus) => void;
  onReset: () => void;
  onAccess: (message: TAccessMessage) => void;
}) {
  const status = useWorkspaceEvents(slug, after, { onChange, onPresence: (m) => onPresence(m.here), onReset, onAccess, onSeen });
  useEffect(() => onStatus(status), [status, onStatus]);
  return null;
}

/**
 * Shown, over the page, when the reader's access ended while it was open: what they see is no
 * longer theirs to read, and nothing they do here will be accepted.
 */
function AccessEnded() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alertdialog" aria-modal="true" aria-labelledby="access-ended-heading" aria-describedby="access-ended-text" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/60 p-4" data-testid="access-ended">
      <div className="w-full max-w-md rounded-lg bg-white p-6 text-slate-900 shadow-xl dark:bg-slate-900 dark:text-slate-100">
        <h2 id="access-ended-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
          Your access to this workspace has ended
        </h2>
        <p id="access-ended-text" className="mt-2 text-slate-700 dark:text-slate-300">
          An owner removed you, made it private, or deleted it. Ask the facilitator for a new invite link if this is a mistake.
        </p>
        <a href="/" className="mt-4 inline-block rounded-lg bg-slate-900 px-4 py-2 text-sm font-semibold text-white dark:bg-slate-100 dark:text-slate-900">
          Go to your workspaces
        </a>
      </div>
    </div>
  );
}

/** Tells the server where this tab is: on every move, every 20 s, and when the tab goes away. */
function usePresenceReport(slug: string, viewerId: string | null) {
  const pathname = usePathname();
  const clientId = useRef<string | null>(null);
  const { view, targetId } = viewOfPath(pathname, slug);

  useEffect(() => {
    if (!viewerId) return;
    clientId.current ??= newRequestKey();
    const id = clientId.current;
    const report = () => void callApi(workspaceApi(slug, "/presence"), { method: "POST", body: { clientId: id, view, targetId } });
    report();
    const heartbeat = setInterval(report, PRESENCE_HEARTBEAT_MS);
    // Back from the browser's page cache after having said goodbye on pagehide.
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) report();
    };
    window.addEventListener("pageshow", onShow);
    return () => {
      clearInterval(heartbeat);
      window.removeEventListener("pageshow", onShow);
    };
  }, [slug, viewerId, view, targetId]);

  useEffect(() => {
    if (!viewerId) return;
    const leave = () => {
      if (!clientId.current) return Promise.resolve();
      return callApi(workspaceApi(slug, "/presence"), { method: "POST", body: { clientId: clientId.current, view: "other", leaving: true }, keepalive: true });
    };
    const onPageHide = () => void leave();
    // Signing out: say goodbye while the session still lets us.
    const onSigningOut = (event: Event) => (event as CustomEvent<TSigningOut>).detail.pending.push(leave());
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener(SIGNING_OUT_EVENT, onSigningOut);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener(SIGNING_OUT_EVENT, onSigningOut);
      // Leaving the workspace within the app (the layout unmounts) is leaving too.
      void leave();
    };
  }, [slug, viewerId]);
}
