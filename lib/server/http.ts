import "server-only";
import type { z } from "zod";
import { parseOrThrow, toErrorResponse } from "../errors/app-error";

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
  headers.set("cache-control", "no-store");
  return Response.json(data, { ...init, headers });
}
