import "server-only";
import type { z } from "zod";
import { AppError, parseOrThrow } from "../errors/app-error";

/** Default ceiling for JSON bodies; routes that take documents (source texts) raise it. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads and validates a JSON body: 413 when it is larger than `maxBytes` (checked on the bytes
 * actually received, not only the Content-Length header), 400 for broken JSON or a body that does
 * not match `schema` (every wrong field named in `issues`).
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<z.output<S>> {
  const text = await readText(request, maxBytes);
  // No body is an empty object: a DELETE needs none, and a POST without one is told which fields
  // are missing rather than that JSON is.
  if (!text.trim()) return parseOrThrow(schema, {}, "request body");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  return parseOrThrow(schema, data, "request body");
}

/** Reads a body as UTF-8 text, 413 when it is larger than `maxBytes` (counted as it arrives). */
export async function readText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  return Buffer.from(await readBytes(request, maxBytes)).toString("utf8");
}

/** Reads a body's bytes, 413 when it is larger than `maxBytes` (counted as it arrives). */
export async function readBytes(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        // The client went away mid-request (a closed tab's last presence ping, say).
        throw new AppError("BAD_REQUEST", "The request body did not arrive completely.");
      }
      const { done, value } = chunk;
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${size}.`);
}
