"use client";
import { useState, useSyncExternalStore } from "react";
import { callApi, describeFailure, newRequestKey, type TApiFailure, type TApiOptions, type TApiResult } from "./api";
import { createMutation, type TMutation, type TSend, type TSubmitOptions } from "./mutation";

export type { TSend } from "./mutation";

export interface TUseMutation<TCurrent> {
  busy: boolean;
  /** Why the last submit failed (with the server's issues), until the next one starts. */
  failure: TApiFailure | null;
  /** `failure` in words. */
  error: string | null;
  /** The current state a 409 carried, for the component's conflict view (see `isConflict`). */
  conflict: TCurrent | null;
  perform<T>(task: (send: TSend) => Promise<TApiResult<T> | null>, options?: TSubmitOptions): Promise<TApiResult<T> | null>;
  run<T>(path: string, options?: TApiOptions, submit?: TSubmitOptions): Promise<TApiResult<T> | null>;
  fail(message: string, issues?: TApiFailure["issues"]): void;
  reset(): void;
}

/**
 * A component's writes through `callApi`, one submit at a time: busy while it runs (a second
 * submit meanwhile is ignored), its failure in words, one Idempotency-Key per POST request until it
 * succeeds, and — when `isConflict` accepts the current state a 409 carries — that state as
 * `conflict` for the component's conflict view instead of an error.
 */
export function useMutation<TCurrent = never>(options: { isConflict?: (current: unknown) => current is TCurrent } = {}): TUseMutation<TCurrent> {
  const [mutation] = useState<TMutation<TCurrent>>(() => createMutation({ call: callApi, newKey: newRequestKey, isConflict: options.isConflict }));
  const state = useSyncExternalStore(mutation.subscribe, mutation.getState, mutation.getState);
  return {
    ...state,
    error: state.failure ? describeFailure(state.failure) : null,
    perform: mutation.perform,
    run: mutation.run,
    fail: mutation.fail,
    reset: mutation.reset,
  };
}
