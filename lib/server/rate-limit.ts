import "server-only";
/**
 * Rate limits for writes, per caller, counted in PostgreSQL (rate-limiter-flexible) so that every
 * app instance enforces the same budget. Sign-in and sign-up have Better Auth's own limits.
 */
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors/app-error";

/** Writes a caller may make per minute (STANCEMAP_WRITE_LIMIT; 0 turns the limit off). */
const PER_MINUTE = Number(process.env.STANCEMAP_WRITE_LIMIT ?? 1200);

let shared: RateLimiterPostgres | null = null;

/** A limiter of `perMinute` writes per caller over the WriteRateLimit table. */
export function createWriteLimiter(perMinute: number, pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 })): RateLimiterPostgres {
  // An idle connection dropped by the server (a restart, shutdown) is discarded by the pool; without
  // a listener its error would crash the process.
  pool.on("error", () => {});
  return new RateLimiterPostgres({ storeClient: pool, tableName: "WriteRateLimit", tableCreated: true, keyPrefix: "write", points: perMinute, duration: 60 });
}

/** Counts one write for `callerId`; 429 with Retry-After when the minute's budget is spent. */
export async function limitWrites(callerId: string, limiter?: RateLimiterPostgres): Promise<void> {
  if (!limiter && !PER_MINUTE) return;
  try {
    await (limiter ?? (shared ??= createWriteLimiter(PER_MINUTE))).consume(callerId);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError("RATE_LIMITED", `Too many changes in a short time; try again in ${seconds} s.`, { retryAfter: seconds });
    }
    throw error;
  }
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
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pool.on("error", () => {});
  const limiter = new RateLimiterPostgres({ storeClient: pool, tableName: "WriteRateLimit", tableCreated: true, keyPrefix: "signin", points: SIGN_IN_FAILURES, duration: SIGN_IN_WINDOW_S });
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
