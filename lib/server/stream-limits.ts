import "server-only";
/**
 * Open event streams per caller, per app instance: each holds a connection and a subscriber for
 * as long as a tab is open, so one caller opening thousands would use up the server. A signed-in
 * person with many tabs stays well under the limit (STANCEMAP_STREAMS_PER_CALLER, default 20; 0
 * turns it off); beyond it the answer is 429.
 */
import { AppError } from "../errors/app-error";

const PER_CALLER = Number(process.env.STANCEMAP_STREAMS_PER_CALLER ?? 20);
const open = new Map<string, number>();

/** Admits one more stream for `caller`, or 429; the returned function ends it (once). */
export function admitStream(caller: string, limit = PER_CALLER): () => void {
  const count = open.get(caller) ?? 0;
  if (limit && count >= limit) throw new AppError("RATE_LIMITED", `Too many live connections open at once (${limit}); close some tabs of this workspace.`, { retryAfter: 30 });
  open.set(caller, count + 1);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const left = (open.get(caller) ?? 1) - 1;
    if (left > 0) open.set(caller, left);
    else open.delete(caller);
  };
}
