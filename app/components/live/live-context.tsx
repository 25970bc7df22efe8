"use client";
import { createContext, useContext } from "react";
import type { TChangeMessage, TPresenceEntry } from "@/lib/realtime/events";

export type TLiveStatus = "connecting" | "live" | "reconnecting" | "offline";

export interface TLiveState {
  status: TLiveStatus;
  /** Others and oneself, one entry per person, with what each is looking at. */
  here: TPresenceEntry[];
  viewerId: string | null;
  /**
   * Goes up whenever the workspace changed (someone's edit arrived, or one's own was saved).
   * Client-side caches of fetched data key on it and fetch again.
   */
  revision: number;
  /** After one's own change: re-render the server data and invalidate client caches at once. */
  refresh: () => void;
  /** Hears every change message as it arrives (before the page's refresh); returns the unsubscribe. */
  subscribe: (listener: TChangeListener) => () => void;
}

/**
 * A listener that answers "handled" takes care of the change itself (a follower moving to the
 * new spotlight), so the page is not refreshed for it.
 */
export type TChangeListener = (message: TChangeMessage) => "handled" | void;

const noop = () => {};

export const LiveContext = createContext<TLiveState>({ status: "offline", here: [], viewerId: null, revision: 0, refresh: noop, subscribe: () => noop });

export function useLive(): TLiveState {
  return useContext(LiveContext);
}

/**
 * Dispatched on window just before signing out; listeners add what must finish while the session
 * still exists (saying goodbye to presence) to `pending`.
 */
export const SIGNING_OUT_EVENT = "stancemap:signing-out";

export interface TSigningOut {
  pending: Promise<unknown>[];
}
