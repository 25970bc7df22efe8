"use client";
import { useEffect, useState } from "react";
import { useHydrated } from "../use-hydrated";

const LOCAL = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
// The server does not know the reader's time zone: the first render (server and hydration) shows
// the date in UTC, the same on both sides; the reader's own clock takes over once hydrated.
const UTC = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "just now", "12 min ago", "3 h ago", then the date and time. */
export function describeTime(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return LOCAL.format(new Date(iso));
}

export function CommentTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={hydrated ? LOCAL.format(new Date(iso)) : undefined} className="tabular-nums">
      {hydrated ? describeTime(iso, now) : UTC.format(new Date(iso))}
    </time>
  );
}
