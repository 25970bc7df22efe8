/** The heavy-read gate and the stream cap, with the rate counted in a real PostgreSQL. */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/app-error";
import { createHeavyReadGate } from "../heavy-reads";
import { admitStream } from "../stream-limits";

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: AppError) => `${error.code} ${error.status}`);

describe("heavy reads", () => {
  it("runs up to capacity, queues a few, and answers 503 beyond, handing freed slots to the queue", async () => {
    const gate = createHeavyReadGate({ capacity: { picture: 1, export: 1 }, waiting: { picture: 1, export: 1 }, waitMs: 5_000, perMinute: 0 });
    const first = await gate.take("picture", "a");
    const queued = gate.take("picture", "b");
    expect(await codeOf(gate.take("picture", "c"))).toBe("BUSY 503");
    // Another kind has its own slots.
    const other = await gate.take("export", "c");
    first();
    first();
    const second = await queued;
    // The slot went to the one in line: a newcomer waits again.
    const newcomer = gate.take("picture", "d");
    expect(await Promise.race([newcomer.then(() => "slot"), new Promise((resolve) => setTimeout(resolve, 50, "waiting"))])).toBe("waiting");
    second();
    (await newcomer)();
    other();
  });

  it("gives up waiting after its time with 503 and Retry-After", async () => {
    const gate = createHeavyReadGate({ capacity: { picture: 1, export: 1 }, waiting: { picture: 1, export: 1 }, waitMs: 100, perMinute: 0 });
    const held = await gate.take("picture", "a");
    const error = await gate.take("picture", "b").catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).retryAfter).toBe(5);
    held();
    const after = await gate.take("picture", "b");
    after();
  });

  it("limits each caller's rate, counted in PostgreSQL, and not another caller's", async () => {
    const gate = createHeavyReadGate({ perMinute: 3, keyPrefix: `heavy-test-${randomUUID()}` });
    for (let i = 0; i < 3; i++) (await gate.take("export", "user:one"))();
    const refused = await gate.take("export", "user:one").catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "RATE_LIMITED" });
    expect((refused as AppError).retryAfter).toBeGreaterThan(0);
    (await gate.take("export", "user:two"))();
  });
});

describe("event streams per caller", () => {
  it("admits up to the limit, refuses the next with 429, and admits again when one closes", () => {
    const caller = `ip:${randomUUID()}`;
    const ends = [admitStream(caller, 2), admitStream(caller, 2)];
    expect(() => admitStream(caller, 2)).toThrow(/Too many live connections/);
    ends[0]();
    ends[0]();
    const again = admitStream(caller, 2);
    expect(() => admitStream(caller, 2)).toThrow(AppError);
    again();
    ends[1]();
  });
});
