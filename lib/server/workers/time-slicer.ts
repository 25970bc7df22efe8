import "server-only";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { AppError } from "../../errors/app-error";

/** How long a loop may hold the thread before letting other requests in. */
const SLICE_MS = 20;

/**
 * For a loop of many small steps on the request thread (anchoring thousands of annotations):
 * `await slicer.tick()` between steps gives the thread back to other requests every 20 ms, so the
 * loop never stalls them, and ends the work with 422 once `deadlineMs` has passed, so no request
 * runs without bound.
 */
export function createTimeSlicer({ deadlineMs, what }: { deadlineMs: number; what: string }) {
  const started = performance.now();
  let sliceStarted = started;
  return {
    async tick(): Promise<void> {
      const now = performance.now();
      if (now - started > deadlineMs) throw new AppError("UNPROCESSABLE", `Stopped ${what} after ${Math.round(deadlineMs / 1000)} s; send fewer at a time.`);
      if (now - sliceStarted < SLICE_MS) return;
      await yieldToOthers();
      sliceStarted = performance.now();
    },
  };
}
