import "server-only";
/**
 * Reads that cost seconds of CPU or a database connection for their whole length — exports,
 * pictures, the handout — are held to two budgets: a per-process cap on how many run at once
 * (beyond it a short queue, then 503 with Retry-After, rather than a queue that grows while
 * everyone waits),
 * and a per-caller rate (signed-in user, else network address) counted in PostgreSQL, so one
 * person cannot keep every instance busy.
 */
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { AppError } from "../errors/app-error";
import { consumeOrRefuse, createCounter } from "./rate-limit";

export type THeavyKind = "picture" | "export";

/** At once per process: pictures and the handout use CPU (and libuv's pool); exports hold a snapshot connection each. */
const CAPACITY: Record<THeavyKind, number> = { picture: 2, export: 4 };
/** How many may wait for a slot, and for how long, before the answer is 503. */
const WAITING: Record<THeavyKind, number> = { picture: 4, export: 16 };
const WAIT_MS = 15_000;
/** Heavy reads per caller per minute (STANCEMAP_HEAVY_READ_LIMIT; 0 turns the limit off). */
const PER_MINUTE = Number(process.env.STANCEMAP_HEAVY_READ_LIMIT ?? 30);

export interface THeavyReadGate {
  /**
   * Takes a slot of `kind` for `caller`, or refuses (429 over the caller's rate, 503 when the
   * instance is at capacity). The returned function gives the slot back; calling it twice is harmless.
   */
  take(kind: THeavyKind, caller: string): Promise<() => void>;
}

/**
 * A gate with its own counters (the app has one; tests make small ones). Beyond `capacity`, up to
 * `waiting` requests of a kind queue for a slot for at most `waitMs`; past that, 503.
 */
export function createHeavyReadGate({
  capacity = CAPACITY,
  waiting = WAITING,
  waitMs = WAIT_MS,
  perMinute = PER_MINUTE,
  keyPrefix = "heavy",
}: { capacity?: Record<THeavyKind, number>; waiting?: Record<THeavyKind, number>; waitMs?: number; perMinute?: number; keyPrefix?: string } = {}): THeavyReadGate {
  const running: Record<THeavyKind, number> = { picture: 0, export: 0 };
  const queue: Record<THeavyKind, (() => void)[]> = { picture: [], export: [] };
  let limiter: RateLimiterPostgres | null = null;
  const busy = () => new AppError("BUSY", "The server is making other exports right now. Try again in a few seconds.", { retryAfter: 5 });

  async function count(caller: string): Promise<void> {
    if (!perMinute) return;
    limiter ??= createCounter(keyPrefix, perMinute, 60);
    await consumeOrRefuse(limiter, caller, "Too many exports");
  }

  /** Waits for a slot of `kind` (a released slot passes straight to the first in line). */
  function slot(kind: THeavyKind): Promise<void> {
    if (running[kind] < capacity[kind]) {
      running[kind]++;
      return Promise.resolve();
    }
    if (queue[kind].length >= waiting[kind]) return Promise.reject(busy());
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        queue[kind].splice(queue[kind].indexOf(turn), 1);
        reject(busy());
      }, waitMs);
      queue[kind].push(turn);
    });
  }

  return {
    async take(kind, caller) {
      if (running[kind] >= capacity[kind] && queue[kind].length >= waiting[kind]) throw busy();
      await count(caller);
      await slot(kind);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = queue[kind].shift();
        if (next) next();
        else running[kind]--;
      };
    },
  };
}

let shared: THeavyReadGate | null = null;

/** Takes a slot of the app's gate (see `THeavyReadGate.take`). */
export function takeHeavySlot(kind: THeavyKind, caller: string): Promise<() => void> {
  return (shared ??= createHeavyReadGate()).take(kind, caller);
}

/** The pieces of a file, giving `release` back when they are all read, fail, or the reader stops. */
export async function* releasingWhenDone<T>(chunks: Iterable<T> | AsyncIterable<T>, release: () => void): AsyncGenerator<T> {
  try {
    yield* chunks;
  } finally {
    release();
  }
}
