"use client";
import { useCallback, useEffect, useState } from "react";

const KEY = (seminarId: string) => `stancemap:following:${seminarId}`;

/**
 * Whether this tab follows the facilitator's spotlight. Participants follow unless they opt out;
 * the choice is kept per tab (sessionStorage), so a reload keeps it and another tab may differ.
 */
export function useFollowing(seminarId: string | null, isFacilitator: boolean): [boolean, (value: boolean) => void] {
  const [following, setFollowingState] = useState(!isFacilitator);
  useEffect(() => {
    if (!seminarId) return;
    const stored = window.sessionStorage.getItem(KEY(seminarId));
    setFollowingState(stored === null ? !isFacilitator : stored === "1");
  }, [seminarId, isFacilitator]);
  const setFollowing = useCallback(
    (value: boolean) => {
      setFollowingState(value);
      if (seminarId) window.sessionStorage.setItem(KEY(seminarId), value ? "1" : "0");
    },
    [seminarId],
  );
  return [following, setFollowing];
}
