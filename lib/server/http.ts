import "server-only";
import type { z } from "zod";
import { AppError, parseOrThrow, toErrorResponse } from "../errors/app-error";
import type { TRole } from "../domain/types";
import { blindMessage, decideAccess, type TAction, type TViewer, type TWorkspaceRef } from "./authorize";
import { mutate, type TMutationContext, type TMutationResult } from "./mutation";
import { readJson } from "./request";
import { checkWriter, viewerWithAccess } from "./viewer";

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler: parses the path params with `schema` (400 on failure) and turns anything
 * thrown into the API's JSON error. Handlers stay thin: parse → call lib/server → respond.
 */
export function route<S extends z.ZodType>(schema: S, handler: (request: Request, params: z.output<S>) => Promise<Response>) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    try {
      // Routes without dynamic segments get no params at all.
      const params = parseOrThrow(schema, (await context?.params) ?? {}, "path parameters");
      return await handler(request, params);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** JSON with caching disabled: every answer reflects the database at that moment. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.get("cache-control")?.includes("no-store")) headers.set("cache-control", "no-store");
  return Response.json(data, { ...init, headers });
}

/** Who reads, and what: the viewer (null when anonymous), the workspace, their role in it. */
export interface TReadContext {
  viewer: TViewer | null;
  workspace: TWorkspaceRef;
  role: TRole | null;
}

/**
 * Whether a read shows the map (the default) or only what a participant of an open coding round
 * may see while answering (`"round"`: the round's own reads, the event stream's ids, the live
 * session's banner). A map read answers 423 to a participant who has not finished an open round.
 */
export type TReadScope = "map" | "round";

/**
 * Wraps a route handler that reads a workspace: path params parsed by zod, the caller (anyone,
 * signed in or not) authorized to read the workspace (404 when they may not, so its existence is
 * not revealed), then the query string parsed by `query` when given — in that order, so a bad
 * query on a hidden workspace is still a 404.
 */
export function readRoute<P extends z.ZodType<{ slug: string }>, Q extends z.ZodType | undefined = undefined>(
  options: { params: P; query?: Q; scope?: TReadScope },
  handler: (ctx: TReadContext, input: { params: z.output<P>; query: Q extends z.ZodType ? z.output<Q> : undefined; request: Request }) => Promise<Response>,
) {
  return route(options.params, async (request, params) => {
    const { viewer, accessRow } = await viewerWithAccess(request, params.slug);
    const { workspace, role, blindRoundId } = decideAccess(await accessRow(), viewer, "read");
    if (blindRoundId && (options.scope ?? "map") === "map") throw new AppError("LOCKED", blindMessage(workspace.slug, blindRoundId), { current: { roundId: blindRoundId } });
    const query = options.query ? parseOrThrow(options.query, Object.fromEntries(new URL(request.url).searchParams), "query") : undefined;
    return handler({ viewer, workspace, role }, { params, query: query as Q extends z.ZodType ? z.output<Q> : undefined, request });
  });
}

const ZIdempotencyKey = /^[\x21-\x7e]{1,200}$/;

/** What a change may skip the general path with: the caller, authorized; see `mutationRoute`'s `atOnce`. */
export interface TAtOnceContext {
  viewer: TViewer;
  workspace: TWorkspaceRef;
  role: TRole;
}

/**
 * Wraps a route handler that changes something: path params and JSON body parsed by zod, the
 * caller must be signed in (cookie from this site, or an API token), and the change runs through
 * `mutate` with the request's Idempotency-Key. `atOnce`, when given, is tried first for a request
 * without an Idempotency-Key: a change made in one statement, events included, with no explicit
 * transaction; it answers null when the general path must decide (it then wrote nothing).
 */
export function mutationRoute<P extends z.ZodType<{ slug: string }>, B extends z.ZodType>(
  options: {
    params: P;
    body: B;
    action: TAction;
    maxBytes?: number;
    atOnce?: (ctx: TAtOnceContext, input: { params: z.output<P>; body: z.output<B> }) => Promise<TMutationResult<unknown> | null>;
  },
  handler: (ctx: TMutationContext, input: { params: z.output<P>; body: z.output<B> }) => Promise<TMutationResult<unknown>>,
) {
  return route(options.params, async (request, params) => {
    const found = await viewerWithAccess(request, params.slug);
    const viewer = await checkWriter(request, found.viewer);
    const body = await readJson(request, options.body, options.maxBytes);
    const idempotency = idempotencyOf(request, body);
    const { workspace, role } = decideAccess(await found.accessRow(), viewer, options.action);
    if (!role) throw new AppError("FORBIDDEN", "Only members of this workspace can make changes.");
    const result =
      (!idempotency && options.atOnce ? await options.atOnce({ viewer, workspace, role }, { params, body }) : null) ??
      (await mutate({ viewer, slug: params.slug, action: options.action, idempotency, access: { workspace, role } }, (ctx) => handler(ctx, { params, body })));
    // A change's answer is small (mostly what was sent, plus ids and versions): gzipping it saves a
    // few hundred bytes and cost about 5 % of the app's CPU per write, so Next.js is told not to.
    return json(result.body, { status: result.status, headers: { "cache-control": "no-store, no-transform" } });
  });
}

/** The Idempotency-Key of a POST (400 if malformed), with what identifies the request. */
export function idempotencyOf(request: Request, body: unknown) {
  const key = request.headers.get("idempotency-key");
  if (key === null || request.method !== "POST") return null;
  if (!ZIdempotencyKey.test(key)) throw new AppError("BAD_REQUEST", "The Idempotency-Key header must be 1–200 visible ASCII characters.");
  return { key, method: request.method, path: new URL(request.url).pathname, body };
}

/**
 * A response body made piece by piece as it is read (strings are sent as UTF-8). The first piece
 * is made before the answer starts, so a failure to begin (the database unreachable) is an error
 * answer instead of a cut-off file. Pieces are made one ahead of what the client has taken; a
 * client that goes away stops the maker (`return()`, which ends its database transaction).
 */
export async function streamBody(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  let first: IteratorResult<string | Uint8Array> | null = await iterator.next();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first ?? (await iterator.next());
      first = null;
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
