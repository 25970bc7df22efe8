"use client";
import { useMemo, useSyncExternalStore } from "react";
import type { TTargetSpan } from "./reader-types";

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * What the address points at: an excerpt (`#excerpt-<id>`) or a span of the text found by search
 * (`#at-<start>-<end>`, UTF-16 offsets like every selector), if any.
 */
export function useHashTarget(length: number): { excerptId: string | null; span: TTargetSpan | null } {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash, () => "");
  const excerpt = /^#excerpt-(.+)$/.exec(hash);
  const at = /^#at-(\d+)-(\d+)$/.exec(hash);
  const start = at ? Number(at[1]) : NaN;
  const end = at ? Number(at[2]) : NaN;
  const span = useMemo<TTargetSpan | null>(() => (start < end && end <= length ? { id: "at", start, end } : null), [start, end, length]);
  return { excerptId: excerpt ? decodeURIComponent(excerpt[1]) : null, span };
}
