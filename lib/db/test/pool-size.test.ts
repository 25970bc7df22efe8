import { describe, expect, it } from "vitest";
import { CONNECTIONS_BESIDES_POOL, DEFAULT_POOL, poolPerWorker, RESERVED_CONNECTIONS, workerCount } from "../pool-size";

describe("workerCount", () => {
  it("is one per core when unset or auto, and the number given otherwise", () => {
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount("", 8)).toBe(8);
    expect(workerCount("auto", 4)).toBe(4);
    expect(workerCount(" 3 ", 2)).toBe(3);
    expect(workerCount("1", 16)).toBe(1);
    expect(workerCount(undefined, 0)).toBe(1);
  });

  it("refuses what is not a whole number from 1 to 64", () => {
    for (const bad of ["0", "-1", "1.5", "two", "65", "1e3"]) expect(() => workerCount(bad, 2), bad).toThrow(/STANCEMAP_WORKERS/);
  });
});

describe("poolPerWorker", () => {
  it("keeps the default pool when the processes fit", () => {
    expect(poolPerWorker(1, 100)).toBe(DEFAULT_POOL);
    expect(poolPerWorker(8, 300)).toBe(DEFAULT_POOL);
  });

  it("shrinks each pool so that all processes fit within max_connections", () => {
    for (const [workers, max] of [[4, 100], [6, 100], [2, 40], [16, 300]] as const) {
      const pool = poolPerWorker(workers, max);
      expect(pool).toBeGreaterThanOrEqual(2);
      expect(workers * (pool + CONNECTIONS_BESIDES_POOL) + RESERVED_CONNECTIONS).toBeLessThanOrEqual(max);
    }
    expect(poolPerWorker(6, 100)).toBe(6);
  });

  it("says how many processes fit when they cannot", () => {
    expect(() => poolPerWorker(10, 100)).toThrow("set STANCEMAP_WORKERS to 8 or fewer");
  });
});
