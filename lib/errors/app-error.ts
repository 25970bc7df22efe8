/**
 * The one table of error codes the API speaks, and how each maps to an HTTP status. Handlers
 * throw `AppError`; `toErrorResponse` turns anything thrown into `{ error: { code, message, issues? } }`.
 */
import { ZodError, z } from "zod";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** Something that existed was withdrawn on purpose (a revoked invite link). */
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** Heavy work is at capacity: try again after Retry-After. */
  BUSY: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export interface TErrorIssue {
  path: string;
  message: string;
}

export interface TErrorBody {
  error: { code: TErrorCode; message: string; issues?: TErrorIssue[]; current?: unknown };
}

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly issues?: TErrorIssue[];
  /** For CONFLICT: the current state the stale edit collided with. */
  readonly current?: unknown;
  /** For RATE_LIMITED and BUSY: seconds until the caller may try again (sent as Retry-After). */
  readonly retryAfter?: number;

  constructor(code: TErrorCode, message: string, extra: { issues?: TErrorIssue[]; current?: unknown; retryAfter?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.issues = extra.issues;
    this.current = extra.current;
    this.retryAfter = extra.retryAfter;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);

/** Zod issues as `{ path, message }`, with paths like `evidence.0.claimId`. */
export function zodIssues(error: ZodError): TErrorIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(root)", message: issue.message }));
}

/** Parses `input` or throws a 400 naming every field that is wrong. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  throw new AppError("BAD_REQUEST", `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, { issues });
}

/** The status and JSON body for anything thrown; unknown errors reveal nothing but are logged. */
export function toErrorBody(error: unknown): { status: number; body: TErrorBody } {
  if (error instanceof AppError) {
    const body: TErrorBody = { error: { code: error.code, message: error.message } };
    if (error.issues) body.error.issues = error.issues;
    if (error.current !== undefined) body.error.current = error.current;
    return { status: error.status, body };
  }
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    return { status: 400, body: { error: { code: "BAD_REQUEST", message: "The request is invalid.", issues } } };
  }
  console.error(error);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } } };
}

export function toErrorResponse(error: unknown): Response {
  const { status, body } = toErrorBody(error);
  const headers = error instanceof AppError && error.retryAfter ? { "retry-after": String(error.retryAfter) } : undefined;
  return Response.json(body, { status, headers });
}
