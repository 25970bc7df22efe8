"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React handles events. Controls that
 * only work with JavaScript report themselves as disabled until then, so a click that would be
 * lost is not offered (and automated tests wait for it).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
