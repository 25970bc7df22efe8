"use client";
import { useEffect, useState } from "react";
import { LOCAL_TIME, describeTime } from "../describe-time";
import { useHydrated } from "../use-hydrated";

// The server does not know the reader's time zone: the first render (server and hydration) shows
// the date in UTC, the same on both sides; the reader's own clock takes over once hydrated.
const UTC = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function CommentTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={hydrated ? LOCAL_TIME.format(new Date(iso)) : undefined} className="tabular-nums">
      {hydrated ? describeTime(iso, now) : UTC.format(new Date(iso))}
    </time>
  );
}
