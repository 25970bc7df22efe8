import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error";
import { createWriteLimiter, limitWrites } from "../rate-limit";

const pools: pg.Pool[] = [];
const limiter = (perMinute: number) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pools.push(pool);
  return createWriteLimiter(perMinute, pool);
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe("write rate limit", () => {
  it("refuses the write after the budget with 429 and Retry-After, counted across instances", async () => {
    const caller = randomUUID();
    const instanceA = limiter(3);
    const instanceB = limiter(3);
    await limitWrites(caller, instanceA);
    await limitWrites(caller, instanceB);
    await limitWrites(caller, instanceA);
    const refused = await limitWrites(caller, instanceB).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).retryAfter).toBeGreaterThan(0);
    expect((refused as AppError).retryAfter).toBeLessThanOrEqual(60);
    // Another caller has their own budget.
    await expect(limitWrites(randomUUID(), instanceA)).resolves.toBeUndefined();
  });
});
