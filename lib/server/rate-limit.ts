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
