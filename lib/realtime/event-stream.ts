import "server-only";
/**
 * The per-workspace Server-Sent Events response. Resumes after `Last-Event-ID` (the header an
 * EventSource sends when it reconnects, or `?after=` on the first connection); without either it
 * starts at the newest event.
 */
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { hub } from "./hub";
import { newestEventId } from "./newest-event";
import type { TChangeMessage, TPresenceMessage } from "./events";

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();
/** One event goes to many subscribers: encode its SSE frame once (the hub shares the object). */
const frames = new WeakMap<TChangeMessage, Uint8Array>();

function frameOf(message: TChangeMessage): Uint8Array {
  let frame = frames.get(message);
  if (!frame) frames.set(message, (frame = encoder.encode(`id: ${message.id}\nevent: change\ndata: ${JSON.stringify(message)}\n\n`)));
  return frame;
}

/**
 * Events a reconnecting browser is sent to catch up, at most. One further behind (a laptop that
 * slept through a seminar, or `?after=0`) is told to reload instead (`event: reset`, with the
 * newest id), rather than being sent the whole log.
 */
export const MAX_REPLAY = 1000;

/** The reader's access as it is now: whether they may still read, and their role (null: none). */
export type TAccessCheck = () => Promise<{ allowed: boolean; role: string | null }>;

/**
 * `access`: how the reader's access is checked again when a change may have altered it (a role,
 * a removal, the visibility, a delete), and their role when the stream opened. A reader who lost
 * access is sent `event: access` with `{ ended: true }` and the stream ends; one whose role
 * changed is sent `{ ended: false }`, so the page re-renders for the new role.
 */
export async function openEventStream(
  request: Request,
  workspaceId: string,
  {
    onClose,
    access,
  }: {
    onClose?: () => void;
    /**
     * The reader's role and how to check it again; `userId` and `expiresAt` (ms since the epoch)
     * are those of the token or session the stream was opened with: it is checked again when that
     * user's credentials change (`notifyCredentialsChanged`) and when it expires.
     */
    access?: { role: string | null; check: TAccessCheck; userId?: string | null; expiresAt?: number | null };
  } = {},
): Promise<Response> {
  const url = new URL(request.url);
  const resumeFrom = request.headers.get("last-event-id") ?? url.searchParams.get("after");
  let lastId: bigint;
  let reset: bigint | null = null;
  if (resumeFrom !== null && resumeFrom !== "") {
    if (!/^\d{1,19}$/.test(resumeFrom)) throw new AppError("BAD_REQUEST", "Last-Event-ID must be an event id (a non-negative integer).");
    lastId = BigInt(resumeFrom);
    const [behind] = await db().$queryRaw<{ n: number; newest: bigint | null }[]>`
      select count(*)::int as n, max(id) as newest from (
        select id from "Event" where "workspaceId" = ${workspaceId}::uuid and id > ${lastId} order by id limit ${MAX_REPLAY + 1}) e`;
    if (behind.n > MAX_REPLAY) lastId = reset = await newestEventId(workspaceId);
  } else {
    lastId = await newestEventId(workspaceId);
  }

  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (chunk: string | Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        } catch {
          close();
        }
      };
      let role = access?.role ?? null;
      let checking: Promise<void> | null = null;
      let again = false;
      const recheck = () => {
        if (!access || closed) return;
        // One check at a time; changes arriving meanwhile cause one more after it.
        if (checking) {
          again = true;
          return;
        }
        checking = access
          .check()
          .then(({ allowed, role: now }) => {
            if (!allowed) {
              write(`event: access\ndata: ${JSON.stringify({ ended: true })}\n\n`);
              close();
              return;
            }
            if (now !== role) {
              role = now;
              subscriber.owner = now === "OWNER";
              write(`event: access\ndata: ${JSON.stringify({ ended: false })}\n\n`);
            }
          })
          .catch((error) => console.error("[realtime] access check failed", error))
          .finally(() => {
            checking = null;
            if (again) {
              again = false;
              recheck();
            }
          });
      };
      const subscriber = {
        workspaceId,
        userId: access?.userId ?? null,
        lastId,
        owner: role === "OWNER",
        sendChange: (m: TChangeMessage) => write(frameOf(m)),
        sendPresence: (m: TPresenceMessage) => write(`event: presence\ndata: ${JSON.stringify(m)}\n\n`),
        recheck,
      };
      const unsubscribe = await hub().subscribe(subscriber);
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      // At the credential's expiry, its check ends the stream (a timer's longest wait is about 24 days).
      const expiry = access?.expiresAt != null ? setTimeout(recheck, Math.min(Math.max(0, access.expiresAt - Date.now()) + 100, 2 ** 31 - 1)) : null;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        if (expiry) clearTimeout(expiry);
        unsubscribe();
        onClose?.();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      cleanup = close;
      write(`retry: 2000\n: connected\n\n`);
      if (reset !== null) write(`id: ${reset}\nevent: reset\ndata: {}\n\n`);
      request.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream.
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
