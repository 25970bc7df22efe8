/**
 * Who is asking, by network address, for rate limits: the address the connection came from,
 * unless that is a proxy this installation trusts (STANCEMAP_TRUSTED_PROXIES: addresses, CIDR
 * ranges or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`, comma-separated), in which
 * case the nearest untrusted address of its X-Forwarded-For. A client-supplied X-Forwarded-For is
 * otherwise ignored: trusting it let anyone pick a new address for every password guess.
 *
 * The custom server (scripts/start.ts) sets the result as the `x-stancemap-client-ip` header,
 * replacing any value a client sent, before Next.js sees the request; Better Auth's limits read
 * only that header. (No `server-only` marker: the start script imports this outside Next.js.)
 */
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

export const CLIENT_IP_HEADER = "x-stancemap-client-ip";

/** The trust function for a comma-separated list; an empty list trusts no proxy. */
export function trustedProxies(list = process.env.STANCEMAP_TRUSTED_PROXIES ?? ""): (address: string, hop: number) => boolean {
  const entries = list.split(",").map((s) => s.trim()).filter(Boolean);
  return proxyAddr.compile(entries);
}

/** The client's address for a request that reached this server directly. */
export function clientAddress(request: IncomingMessage, trust: (address: string, hop: number) => boolean): string {
  return proxyAddr(request, trust);
}

/** Sets the one header the app reads for the client's address, overwriting whatever came in. */
export function stampClientAddress(request: IncomingMessage, trust: (address: string, hop: number) => boolean): void {
  request.headers[CLIENT_IP_HEADER] = clientAddress(request, trust);
}

/** Who is asking, for per-caller budgets (exports, event streams): the signed-in user, else the address. */
export function callerKey(viewer: { userId: string } | null, request: Request): string {
  return viewer ? `user:${viewer.userId}` : `ip:${request.headers.get(CLIENT_IP_HEADER) ?? "unknown"}`;
}
