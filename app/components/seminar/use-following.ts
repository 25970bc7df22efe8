"use client";
import { useCallback, useEffect, useState } from "react";

const KEY = (seminarId: string) => `stancemap:following:${seminarId}`;

/**
 * Whether this tab follows the facilitator's spotlight. Participants follow unless they opt out;
 * the choice is kept per tab (sessionStorage), so a reload keeps it and another tab may differ.
 * `known` is false until the stored choice has been read (after hydration): nothing should move
 * the screen before then.
 */
export function useFollowing(seminarId: string | null, isFacilitator: boolean): { following: boolean; known: boolean; setFollowing: (value: boolean) => void } {
  const [state, setState] = useState({ following: !isFacilitator, known: false });
  useEffect(() => {
    if (!seminarId) return;
    const stored = window.sessionStorage.getItem(KEY(seminarId));
    setState({ following: stored === null ? !isFacilitator : stored === "1", known: true });
  }, [seminarId, isFacilitator]);
  const setFollowing = useCallback(
    (value: boolean) => {
      setState({ following: value, known: true });
      if (seminarId) window.sessionStorage.setItem(KEY(seminarId), value ? "1" : "0");
    },
    [seminarId],
  );
  return { ...state, setFollowing };
}
