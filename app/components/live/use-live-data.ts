"use client";
import { useEffect, useRef, useState } from "react";
import type { TChangeMessage } from "@/lib/realtime/events";
import { callApi } from "../api";
import { useLive } from "./live-context";

/** Several messages in quick succession (a room voting) cause one fetch. */
const REFETCH_DEBOUNCE_MS = 200;

/**
 * Server-rendered data kept current by its own small fetch: when a change message matching
 * `when` arrives, `path` is fetched again (debounced) instead of re-rendering the whole page. A new
 * `initial` (the page was refreshed) replaces what was fetched.
 */
export function useLiveData<T>(path: string, initial: T, when: (message: TChangeMessage) => boolean): T {
  const { subscribe } = useLive();
  const [data, setData] = useState(initial);
  const [lastInitial, setLastInitial] = useState(initial);
  if (initial !== lastInitial) {
    setLastInitial(initial);
    setData(initial);
  }
  // Which server render the data on screen comes from: a fetch that left before the page was
  // refreshed may answer after it, with older data than the refresh brought.
  const rendered = useRef(initial);
  rendered.current = initial;
  const matches = useRef(when);
  matches.current = when;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let latest = 0;
    const unsubscribe = subscribe((message) => {
      if (!matches.current(message)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(async () => {
        const request = ++latest;
        const renderedBefore = rendered.current;
        const result = await callApi<T>(path);
        // Only the newest answer counts; an older one arriving late is dropped, and so is one that
        // left before a refresh of the page brought newer data.
        if (result.ok && request === latest && rendered.current === renderedBefore) setData(result.data);
      }, REFETCH_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, path]);

  return data;
}
