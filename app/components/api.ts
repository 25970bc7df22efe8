/**
 * How client components call the JSON API: same-origin cookies, JSON in and out, and every failure
 * turned into words a reader can act on. Never throws; a failed call is a value to render.
 */

export interface TApiIssue {
  path: string;
  message: string;
}

export interface TApiFailure {
  ok: false;
  /** HTTP status, or 0 when the request never got an answer. */
  status: number;
  code: string;
  message: string;
  issues: TApiIssue[];
  /** For 409: the state the stale edit collided with. */
  current?: unknown;
}

export type TApiResult<T> = { ok: true; status: number; data: T } | TApiFailure;

export interface TApiOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** A plain-text body (e.g. a Kialo export) instead of JSON. */
  text?: string;
  /** A multipart/form-data body (a file and its metadata), with what identifies it for the Idempotency-Key. */
  form?: { data: FormData; fingerprint: string };
  /** Sent as Idempotency-Key, so a POST retried after a lost answer is not applied twice. */
  idempotencyKey?: string;
  keepalive?: boolean;
}

export async function callApi<T>(path: string, { method = "GET", body, text, form, idempotencyKey, keepalive }: TApiOptions = {}): Promise<TApiResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (text !== undefined) headers["content-type"] = "text/plain; charset=utf-8";
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  let response: Response;
  try {
    // A form sets its own content type, with the multipart boundary.
    response = await fetch(path, { method, headers, body: form?.data ?? text ?? (body === undefined ? undefined : JSON.stringify(body)), credentials: "same-origin", cache: "no-store", keepalive });
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: "The request did not reach the server. Check your connection and try again.", issues: [] };
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: payload as T };
  return failureOf(response.status, payload);
}

/** A failed answer (status ≥ 400) read into words; for callers that fetch something other than JSON. */
export async function failureOfResponse(response: Response): Promise<TApiFailure> {
  const payload: unknown = await response.json().catch(() => null);
  return failureOf(response.status, payload);
}

function failureOf(status: number, payload: unknown): TApiFailure {
  // The app's errors are { error: { code, message, issues?, current? } }; Better Auth's are { code?, message }.
  const raw = (payload && typeof payload === "object" && "error" in payload ? (payload as { error: unknown }).error : payload) as
    | { code?: unknown; message?: unknown; issues?: unknown; current?: unknown }
    | null;
  const code = typeof raw?.code === "string" ? raw.code : `HTTP_${status}`;
  const serverMessage = typeof raw?.message === "string" && raw.message.trim() !== "" ? raw.message : null;
  const issues = Array.isArray(raw?.issues)
    ? raw.issues.filter((i): i is TApiIssue => Boolean(i) && typeof i.path === "string" && typeof i.message === "string")
    : [];
  return { ok: false, status, code, message: serverMessage ?? FALLBACK[status] ?? `The server answered ${status}. Try again in a moment.`, issues, current: raw?.current };
}

const FALLBACK: Record<number, string> = {
  400: "The server could not use what was sent.",
  401: "You are signed out. Sign in again, then retry.",
  403: "Your role in this workspace does not allow this change.",
  404: "It is no longer there — someone may have deleted it. Reload the page to see the current state.",
  409: "Someone else changed this since you loaded it.",
  413: "That is too large to send.",
  422: "The server could not apply this.",
  429: "Too many requests in a short time. Wait a minute, then try again.",
  500: "Something went wrong on the server. Try again; if it keeps happening, tell the workspace owner.",
};

/** A sentence saying what went wrong and, where it helps, what to do next. */
export function describeFailure(failure: TApiFailure): string {
  if (failure.status === 401) return "You are signed out (your session may have ended). Sign in, then try again.";
  if (failure.status === 403) return `Not allowed: ${failure.message}`;
  return failure.message;
}

/** A fresh Idempotency-Key; one per logical request, reused if that request is retried. */
export function newRequestKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function workspaceApi(slug: string, path: string): string {
  return `/api/workspaces/${encodeURIComponent(slug)}${path}`;
}
