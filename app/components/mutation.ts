/**
 * The client's edit protocol, without React: one logical submit at a time, what became of it (busy,
 * a failure in words, a conflict) and the Idempotency-Key of each POST it sends. `useMutation` is
 * its React face; everything here is plain data and functions, so it is tested without a DOM.
 */
import type { TApiFailure, TApiOptions, TApiResult } from "./api";

/** Sends one request of a submit: `callApi`, with the submit's Idempotency-Key on a POST. */
export type TSend = <T>(path: string, options?: TApiOptions) => Promise<TApiResult<T>>;

export interface TMutationState<TCurrent = unknown> {
  busy: boolean;
  /** Why the last submit failed; cleared when the next one starts. */
  failure: TApiFailure | null;
  /** The state a 409 collided with, when the component shows such a conflict itself (not as `failure`). */
  conflict: TCurrent | null;
}

export const IDLE: TMutationState<never> = { busy: false, failure: null, conflict: null };

export type TMutationEvent<TCurrent> =
  | { type: "start" }
  /** `result` null: the submit handled its outcome itself (or sent nothing). */
  | { type: "settle"; result: TApiResult<unknown> | null; stayBusy?: boolean; isConflict?: (current: unknown) => current is TCurrent }
  | { type: "fail"; failure: TApiFailure }
  | { type: "reset" };

/** How a submit's state moves on; pure. */
export function nextMutationState<TCurrent>(state: TMutationState<TCurrent>, event: TMutationEvent<TCurrent>): TMutationState<TCurrent> {
  switch (event.type) {
    case "start":
      return { busy: true, failure: null, conflict: null };
    case "settle": {
      const { result } = event;
      if (!result || result.ok) return { busy: Boolean(result?.ok && event.stayBusy), failure: null, conflict: null };
      if (result.status === 409 && event.isConflict?.(result.current)) return { busy: false, failure: null, conflict: result.current };
      return { busy: false, failure: result, conflict: null };
    }
    case "fail":
      return { busy: false, failure: event.failure, conflict: null };
    case "reset":
      return { ...state, failure: null, conflict: null };
  }
}

/** A failure found before anything was sent (an empty field), or told in the form's own words. */
export function localFailure(message: string, issues: TApiFailure["issues"] = []): TApiFailure {
  return { ok: false, status: 0, code: "NOT_SENT", message, issues };
}

/** What identifies a request: the same method, address and body is the same request sent again. */
export function fingerprintOf(path: string, { method = "GET", body, text, form }: TApiOptions): string {
  return `${method} ${path}\n${text ?? form?.fingerprint ?? JSON.stringify(body ?? null)}`;
}

/**
 * The Idempotency-Keys of POSTs not yet known to have succeeded, by fingerprint. A request sent
 * again unchanged (a retry after a lost answer or a refusal) carries the same key, so the server
 * applies it at most once; after a success the same request is a new submit and gets a new key.
 */
export class RequestKeys {
  private readonly pending = new Map<string, string>();

  constructor(private readonly newKey: () => string) {}

  keyFor(fingerprint: string): string {
    let key = this.pending.get(fingerprint);
    if (!key) this.pending.set(fingerprint, (key = this.newKey()));
    return key;
  }

  settle(fingerprint: string, ok: boolean): void {
    if (ok) this.pending.delete(fingerprint);
  }
}

export interface TSubmitOptions {
  /** A success leaves the page (or reloads it): stay busy until it is gone, so it cannot be sent twice. */
  stayBusy?: boolean;
}

export interface TMutation<TCurrent> {
  getState(): TMutationState<TCurrent>;
  subscribe(listener: () => void): () => void;
  /**
   * One logical submit that may send several requests (busy throughout). Its result decides the
   * state: a failure is kept to show, a 409 the component can show becomes `conflict`, null means
   * the task dealt with the outcome itself. Null at once while another submit is in flight.
   */
  perform<T>(task: (send: TSend) => Promise<TApiResult<T> | null>, options?: TSubmitOptions): Promise<TApiResult<T> | null>;
  /** A submit of one request. */
  run<T>(path: string, options?: TApiOptions, submit?: TSubmitOptions): Promise<TApiResult<T> | null>;
  /** Shows a failure found before sending (ignored while a submit is in flight, like the submit). */
  fail(message: string, issues?: TApiFailure["issues"]): void;
  /** Forgets the failure or conflict shown (the person closed or discarded it). */
  reset(): void;
}

/**
 * The protocol around `call` (`callApi` in the app). `isConflict` says which 409s the component
 * shows as a conflict (by the current state they carry); any other 409 is a failure in words.
 */
export function createMutation<TCurrent = never>({
  call,
  newKey,
  isConflict,
}: {
  call: TSend;
  newKey: () => string;
  isConflict?: (current: unknown) => current is TCurrent;
}): TMutation<TCurrent> {
  let state: TMutationState<TCurrent> = IDLE;
  // Set synchronously, unlike React state: a second click before the re-render is ignored.
  let inFlight = false;
  const listeners = new Set<() => void>();
  const keys = new RequestKeys(newKey);

  const apply = (event: TMutationEvent<TCurrent>) => {
    state = nextMutationState(state, event);
    for (const listener of listeners) listener();
  };

  const send: TSend = async <T>(path: string, options: TApiOptions = {}) => {
    if (options.method !== "POST" || options.idempotencyKey) return call<T>(path, options);
    const fingerprint = fingerprintOf(path, options);
    const result = await call<T>(path, { ...options, idempotencyKey: keys.keyFor(fingerprint) });
    keys.settle(fingerprint, result.ok);
    return result;
  };

  const perform: TMutation<TCurrent>["perform"] = async (task, options = {}) => {
    if (inFlight) return null;
    inFlight = true;
    apply({ type: "start" });
    let result: Awaited<ReturnType<typeof task>> = null;
    try {
      result = await task(send);
      return result;
    } finally {
      const stayBusy = Boolean(result?.ok && options.stayBusy);
      inFlight = stayBusy;
      apply({ type: "settle", result, stayBusy, isConflict });
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    perform,
    run: <T,>(path: string, options?: TApiOptions, submit?: TSubmitOptions) => perform<T>((s) => s<T>(path, options), submit),
    fail(message, issues) {
      if (!inFlight) apply({ type: "fail", failure: localFailure(message, issues) });
    },
    reset: () => apply({ type: "reset" }),
  };
}
