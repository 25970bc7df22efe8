import { describe, expect, it } from "vitest";
import type { TApiFailure, TApiOptions, TApiResult } from "../api";
import { IDLE, RequestKeys, createMutation, fingerprintOf, localFailure, nextMutationState, type TSend } from "../mutation";

const failure = (status: number, current?: unknown): TApiFailure => ({ ok: false, status, code: `HTTP_${status}`, message: `failed with ${status}`, issues: [], current });
const ok = <T>(data: T): TApiResult<T> => ({ ok: true, status: 200, data });
const isRow = (current: unknown): current is { version: number } => typeof (current as { version?: unknown })?.version === "number";

/** A fake `callApi`: records what was sent and answers from `answers` in turn (or 200). */
function fakeCall(answers: TApiResult<unknown>[] = []) {
  const sent: { path: string; options: TApiOptions }[] = [];
  let release: (() => void) | null = null;
  const call: TSend = async <T>(path: string, options: TApiOptions = {}) => {
    sent.push({ path, options });
    return (answers.shift() ?? ok(null)) as TApiResult<T>;
  };
  /** A call that does not answer until `release()`. */
  const held: TSend = async <T>(path: string, options: TApiOptions = {}) => {
    sent.push({ path, options });
    await new Promise<void>((resolve) => (release = resolve));
    return ok(null) as TApiResult<T>;
  };
  return { sent, call, held, release: () => release?.() };
}

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe("nextMutationState", () => {
  it("starts busy with nothing to show, and settles on success back to idle", () => {
    const started = nextMutationState({ busy: false, failure: failure(500), conflict: null }, { type: "start" });
    expect(started).toEqual({ busy: true, failure: null, conflict: null });
    expect(nextMutationState(started, { type: "settle", result: ok(1) })).toEqual(IDLE);
  });

  it("stays busy after a success that leaves the page, and only then", () => {
    expect(nextMutationState(IDLE, { type: "settle", result: ok(1), stayBusy: true }).busy).toBe(true);
    expect(nextMutationState(IDLE, { type: "settle", result: failure(422), stayBusy: true }).busy).toBe(false);
  });

  it("keeps a failure to show until the next start", () => {
    const failed = nextMutationState({ busy: true, failure: null, conflict: null }, { type: "settle", result: failure(422) });
    expect(failed).toEqual({ busy: false, failure: failure(422), conflict: null });
    expect(nextMutationState(failed, { type: "start" }).failure).toBeNull();
  });

  it("turns a 409 into a conflict only when the component can show its current state", () => {
    const current = { version: 3 };
    expect(nextMutationState(IDLE, { type: "settle", result: failure(409, current), isConflict: isRow })).toEqual({ busy: false, failure: null, conflict: current });
    expect(nextMutationState(IDLE, { type: "settle", result: failure(409, { deleted: true }), isConflict: isRow }).failure?.status).toBe(409);
    expect(nextMutationState(IDLE, { type: "settle", result: failure(409, current) }).failure?.status).toBe(409);
  });

  it("settles a submit that handled its own outcome with nothing to show", () => {
    expect(nextMutationState({ busy: true, failure: null, conflict: null }, { type: "settle", result: null })).toEqual(IDLE);
  });

  it("shows a local failure, and forgets failure and conflict on reset", () => {
    const failed = nextMutationState(IDLE, { type: "fail", failure: localFailure("Write something first.") });
    expect(failed.failure?.message).toBe("Write something first.");
    expect(nextMutationState(failed, { type: "reset" })).toEqual(IDLE);
    expect(nextMutationState({ busy: false, failure: null, conflict: { version: 2 } }, { type: "reset" }).conflict).toBeNull();
  });
});

describe("RequestKeys", () => {
  it("gives a request sent again the same key until it succeeds, then a new one", () => {
    const keys = new RequestKeys(counter());
    const first = keys.keyFor("POST /claims {a}");
    keys.settle("POST /claims {a}", false);
    expect(keys.keyFor("POST /claims {a}")).toBe(first);
    keys.settle("POST /claims {a}", true);
    expect(keys.keyFor("POST /claims {a}")).not.toBe(first);
  });

  it("gives a different request a different key", () => {
    const keys = new RequestKeys(counter());
    expect(keys.keyFor("POST /claims {a}")).not.toBe(keys.keyFor("POST /claims {b}"));
  });
});

describe("fingerprintOf", () => {
  it("tells requests apart by method, address and body (JSON or text)", () => {
    const a = fingerprintOf("/x", { method: "POST", body: { text: "a" } });
    expect(fingerprintOf("/x", { method: "POST", body: { text: "a" } })).toBe(a);
    expect(fingerprintOf("/x", { method: "POST", body: { text: "b" } })).not.toBe(a);
    expect(fingerprintOf("/y", { method: "POST", body: { text: "a" } })).not.toBe(a);
    expect(fingerprintOf("/x", { method: "POST", text: "a" })).not.toBe(fingerprintOf("/x", { method: "POST", text: "b" }));
  });
});

describe("createMutation", () => {
  it("sends a POST with a key, the same key when the same submit is retried after no answer, a new one after a success", async () => {
    const fake = fakeCall([failure(0), ok({ id: "c1" }), ok({ id: "c2" })]);
    const mutation = createMutation({ call: fake.call, newKey: counter() });
    const body = { text: "Claim" };
    await mutation.run("/claims", { method: "POST", body });
    expect(mutation.getState().failure?.status).toBe(0);
    await mutation.run("/claims", { method: "POST", body });
    await mutation.run("/claims", { method: "POST", body });
    expect(fake.sent.map((s) => s.options.idempotencyKey)).toEqual(["key-1", "key-1", "key-2"]);
  });

  it("gives an edited submit after a failure a new key", async () => {
    const fake = fakeCall([failure(0)]);
    const mutation = createMutation({ call: fake.call, newKey: counter() });
    await mutation.run("/comments", { method: "POST", body: { body: "Frist" } });
    await mutation.run("/comments", { method: "POST", body: { body: "First" } });
    expect(fake.sent.map((s) => s.options.idempotencyKey)).toEqual(["key-1", "key-2"]);
  });

  it("sends no key with other methods, and keeps a key the caller chose", async () => {
    const fake = fakeCall();
    const mutation = createMutation({ call: fake.call, newKey: counter() });
    await mutation.run("/claims/1", { method: "PATCH", body: { version: 1 } });
    await mutation.run("/claims/1", { method: "DELETE", body: { version: 2 } });
    await mutation.run("/import", { method: "POST", body: {}, idempotencyKey: "mine" });
    expect(fake.sent.map((s) => s.options.idempotencyKey)).toEqual([undefined, undefined, "mine"]);
  });

  it("ignores a second submit while the first is in flight", async () => {
    const fake = fakeCall();
    const mutation = createMutation({ call: fake.held, newKey: counter() });
    const first = mutation.run("/claims", { method: "POST", body: {} });
    expect(mutation.getState().busy).toBe(true);
    expect(await mutation.run("/claims", { method: "POST", body: {} })).toBeNull();
    mutation.fail("Write the claim first.");
    expect(mutation.getState()).toEqual({ busy: true, failure: null, conflict: null });
    fake.release();
    expect((await first)?.ok).toBe(true);
    expect(fake.sent).toHaveLength(1);
    expect(mutation.getState().busy).toBe(false);
  });

  it("holds a success that leaves the page: busy, and further submits ignored", async () => {
    const fake = fakeCall();
    const mutation = createMutation({ call: fake.call, newKey: counter() });
    await mutation.run("/api/workspaces", { method: "POST", body: {} }, { stayBusy: true });
    expect(mutation.getState().busy).toBe(true);
    expect(await mutation.run("/api/workspaces", { method: "POST", body: {} })).toBeNull();
    expect(fake.sent).toHaveLength(1);
  });

  it("is free again after a failure that would have left the page", async () => {
    const fake = fakeCall([failure(422)]);
    const mutation = createMutation({ call: fake.call, newKey: counter() });
    await mutation.run("/api/workspaces", { method: "POST", body: {} }, { stayBusy: true });
    expect(mutation.getState()).toMatchObject({ busy: false, failure: { status: 422 } });
    expect(await mutation.run("/api/workspaces", { method: "POST", body: {} })).not.toBeNull();
  });

  it("keeps several requests of one submit busy throughout, each with its own key", async () => {
    const fake = fakeCall();
    const mutation = createMutation({ call: fake.call, newKey: counter() });
    const busyBetween: boolean[] = [];
    await mutation.perform(async (send) => {
      await send("/claims", { method: "POST", body: { text: "New" } });
      busyBetween.push(mutation.getState().busy);
      return send("/evidence", { method: "POST", body: { claimId: "c" } });
    });
    expect(busyBetween).toEqual([true]);
    expect(fake.sent.map((s) => s.options.idempotencyKey)).toEqual(["key-1", "key-2"]);
    expect(mutation.getState()).toEqual(IDLE);
  });

  it("shows a 409 as a conflict when the component accepts its current state", async () => {
    const current = { version: 4, text: "Theirs" };
    const mutation = createMutation({ call: fakeCall([failure(409, current)]).call, newKey: counter(), isConflict: isRow });
    await mutation.run("/claims/1", { method: "PATCH", body: { version: 3 } });
    expect(mutation.getState()).toEqual({ busy: false, failure: null, conflict: current });
    mutation.reset();
    expect(mutation.getState()).toEqual(IDLE);
  });

  it("is not left busy when a submit throws", async () => {
    const mutation = createMutation({ call: fakeCall().call, newKey: counter() });
    await expect(mutation.perform(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(mutation.getState().busy).toBe(false);
    expect(await mutation.run("/x", { method: "POST" })).not.toBeNull();
  });

  it("tells its subscribers of every change", async () => {
    const mutation = createMutation({ call: fakeCall([failure(500)]).call, newKey: counter() });
    const seen: boolean[] = [];
    const unsubscribe = mutation.subscribe(() => seen.push(mutation.getState().busy));
    await mutation.run("/x", { method: "POST" });
    unsubscribe();
    mutation.reset();
    expect(seen).toEqual([true, false]);
  });
});
