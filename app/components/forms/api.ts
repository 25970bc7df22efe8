/**
 * The forms' way to call the API: `callApi` (one fetch path for the whole client), with failures
 * thrown as ApiError so a submit handler can keep its happy path straight.
 */
import { callApi, type TApiIssue, type TApiOptions } from "../api";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: TApiIssue[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: Pick<TApiOptions, "method" | "body"> = {}): Promise<T> {
  const result = await callApi<T>(path, init);
  if (result.ok) return result.data;
  throw new ApiError(result.status, result.code, result.message, result.issues, result.current);
}
