import "server-only";
/**
 * Rate limits counted in PostgreSQL (rate-limiter-flexible) so that every app instance enforces the
 * same budget, all through one small pool: writes per caller, failed sign-ins per account (beside
 * Better Auth's own per-address limits), and exports per caller (heavy-reads.ts).
 */
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors/app-error";

/** Writes a caller may make per minute (STANCEMAP_WRITE_LIMIT; 0 turns the limit off). */
const PER_MINUTE = Number(process.env.STANCEMAP_WRITE_LIMIT ?? 1200);

let shared: RateLimiterPostgres | null = null;
let sharedPool: pg.Pool | null = null;

/** The one small pool every limiter of this instance counts through (writes, sign-ins, exports). */
function counterPool(): pg.Pool {
  if (!sharedPool) {
    sharedPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    // An idle connection dropped by the server (a restart, shutdown) is discarded by the pool;
    // without a listener its error would crash the process.
    sharedPool.on("error", () => {});
  }
  return sharedPool;
}

/** A counter of `points` per key per `duration` seconds in the WriteRateLimit table, shared by every instance. */
export function createCounter(keyPrefix: string, points: number, duration: number, pool: pg.Pool = counterPool()): RateLimiterPostgres {
  return new RateLimiterPostgres({ storeClient: pool, tableName: "WriteRateLimit", tableCreated: true, keyPrefix, points, duration });
}

/** Counts one for `key`; 429 with Retry-After and `what` ("Too many changes") when the budget is spent. */
export async function consumeOrRefuse(limiter: RateLimiterPostgres, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new AppError("RATE_LIMITED", `${what} in a short time; try again in ${seconds} s.`, { retryAfter: seconds });
  }
}

/** A limiter of `perMinute` writes per caller over the WriteRateLimit table (a pool of its own: tests stand for two instances). */
export function createWriteLimiter(perMinute: number, pool?: pg.Pool): RateLimiterPostgres {
  pool?.on("error", () => {});
  return createCounter("write", perMinute, 60, pool);
}

/** Counts one write for `callerId`; 429 with Retry-After when the minute's budget is spent. */
export async function limitWrites(callerId: string, limiter?: RateLimiterPostgres): Promise<void> {
  if (!limiter && !PER_MINUTE) return;
  await consumeOrRefuse(limiter ?? (shared ??= createWriteLimiter(PER_MINUTE)), callerId, "Too many changes");
}

/** Failed sign-ins an account may have in 15 minutes (STANCEMAP_SIGN_IN_ACCOUNT_LIMIT; 0 turns it off). */
const SIGN_IN_FAILURES = Number(process.env.STANCEMAP_SIGN_IN_ACCOUNT_LIMIT ?? (process.env.STANCEMAP_AUTH_RATE_LIMIT === "off" ? 0 : 10));
const SIGN_IN_WINDOW_S = 15 * 60;

export interface TAccountSignInLimiter {
  /** Seconds until the account may be tried again (0: now). */
  blockedFor(account: string): Promise<number>;
  fail(account: string): Promise<void>;
  reset(account: string): Promise<void>;
}

let accountLimiter: TAccountSignInLimiter | null | undefined;

/**
 * The per-account limit on failed sign-ins, counted in PostgreSQL like the write limit (every
 * instance shares it); null when turned off. A success clears the account's count.
 */
export function accountSignInLimiter(): TAccountSignInLimiter | null {
  if (accountLimiter !== undefined) return accountLimiter;
  if (!SIGN_IN_FAILURES) return (accountLimiter = null);
  const limiter = createCounter("signin", SIGN_IN_FAILURES, SIGN_IN_WINDOW_S);
  accountLimiter = {
    async blockedFor(account) {
      const state = await limiter.get(account);
      return state && state.consumedPoints >= SIGN_IN_FAILURES ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
    },
    async fail(account) {
      await limiter.penalty(account, 1);
    },
    async reset(account) {
      await limiter.delete(account);
    },
  };
  return accountLimiter;
}
