"use client";
/**
 * Subscribes the page to its workspace's event stream, starting after event `after` (the newest
 * when the page was read, or the last one this page saw): whatever was committed since is sent
 * first. The browser's EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays whatever was missed while offline.
 */
import { useEffect, useRef, useState } from "react";
import type { TAccessMessage, TChangeMessage, TPresenceMessage } from "./events";

export type TStreamStatus = "connecting" | "live" | "offline";

/**
 * `onAccess`: the reader's access changed — ended (removed, the workspace made private or deleted)
 * or a new role (the page should render again for it).
 * `onReset`: the browser was too far behind to be sent every change it missed; the server moved it
 * to the newest event, and the page should read its data again.
 * `onSeen`: the id of each event received (a change, or the newest on a reset).
 */
export function useWorkspaceEvents(
  slug: string,
  after: string | null,
  handlers: {
    onChange?: (m: TChangeMessage) => void;
    onPresence?: (m: TPresenceMessage) => void;
    onReset?: () => void;
    onAccess?: (m: TAccessMessage) => void;
    onSeen?: (id: string) => void;
  },
): TStreamStatus {
  const [status, setStatus] = useState<TStreamStatus>("connecting");
  const latest = useRef(handlers);
  latest.current = handlers;

  // Where the stream starts is fixed when it opens; the browser's reconnections carry on from
  // the last event received (Last-Event-ID), which the server prefers to `after`.
  const start = useRef(after);

  useEffect(() => {
    const query = start.current ? `?after=${encodeURIComponent(start.current)}` : "";
    const source = new EventSource(`/api/workspaces/${encodeURIComponent(slug)}/events${query}`);
    source.onopen = () => setStatus("live");
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    source.addEventListener("change", (e) => {
      const message = JSON.parse((e as MessageEvent<string>).data) as TChangeMessage;
      latest.current.onSeen?.(message.id);
      latest.current.onChange?.(message);
    });
    source.addEventListener("reset", (e) => {
      const id = (e as MessageEvent<string>).lastEventId;
      if (id) latest.current.onSeen?.(id);
      latest.current.onReset?.();
    });
    source.addEventListener("access", (e) => {
      const message = JSON.parse((e as MessageEvent<string>).data) as TAccessMessage;
      // Access ended: the server closed the stream; reconnecting would only be refused.
      if (message.ended) source.close();
      latest.current.onAccess?.(message);
    });
    source.addEventListener("presence", (e) => latest.current.onPresence?.(JSON.parse((e as MessageEvent<string>).data) as TPresenceMessage));
    return () => source.close();
  }, [slug]);

  return status;
}
