/**
 * Hostile-input tests: the app answers everyone from one thread, so a request may take long only
 * if it leaves that thread free. `probeStall` runs some work and reports the longest time the
 * event loop was blocked meanwhile (what /api/health would have waited) and how long the work took.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

export async function probeStall<T>(work: () => Promise<T> | T): Promise<{ result: T; maxBlockMs: number; elapsedMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  try {
    const result = await work();
    return { result, maxBlockMs: histogram.max / 1e6, elapsedMs: performance.now() - started };
  } finally {
    histogram.disable();
  }
}

/** Milliseconds a synchronous call took (for pure parsers, where the call itself is the stall). */
export function timeSync<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}
