import "server-only";
/**
 * Who is asking: the owner of a personal API token (`Authorization: Bearer`), else the user of
 * the session cookie, else nobody. A bearer token that is wrong is an error, not an anonymous
 * request, so a script with a revoked token learns so instead of seeing only public data.
 */
import { headers as nextHeaders } from "next/headers";
import { cache } from "react";
import { db, hotRows, Prisma } from "../db/client";
import { AppError } from "../errors/app-error";
import { getAuth } from "./auth/auth";
import { limitWrites } from "./rate-limit";
import { findTokenUser, liveTokenSql, scopeOf, TOKEN_EXPIRY_MS, TOKEN_PREFIX } from "./auth/api-tokens";
import { accessSql, readAccessRow, type TAccessRow, type TViewer } from "./authorize";

export async function getViewer(request?: Request): Promise<TViewer | null> {
  return request ? viewerFromHeaders(request.headers) : viewerOfPage();
}

/** For server components: the session of the page being rendered, looked up once per request. */
export const sessionOfPage = cache(async () => {
  // Headers first: reading them marks the page dynamic before anything touches the database.
  const headers = await nextHeaders();
  return getAuth().api.getSession({ headers });
});

/** For server components: the viewer of the page being rendered, once per request. */
export const viewerOfPage = cache(async (): Promise<TViewer | null> => {
  const headers = await nextHeaders();
  if (headers.get("authorization")) return viewerFromHeaders(headers);
  const session = await sessionOfPage();
  return session ? { userId: session.user.id, via: "session" } : null;
});

const INVALID_TOKEN = "The API token is not valid (it may have been revoked or have expired). Create a new one on your account page or with `npm run token -- <email>`.";

/** The bearer token of an Authorization header; undefined when there is no such header. */
function bearerOf(headers: Headers): string | null | undefined {
  const authorization = headers.get("authorization");
  if (!authorization) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
}

async function viewerFromHeaders(headers: Headers): Promise<TViewer | null> {
  const token = bearerOf(headers);
  if (token !== undefined) {
    const found = token ? await findTokenUser(db(), token) : null;
    if (!found) throw new AppError("UNAUTHORIZED", INVALID_TOKEN);
    return { userId: found.userId, via: "token", scope: found.scope, credential: { kind: "token", id: found.tokenId, expiresAt: found.expiresAt } };
  }
  const session = await getAuth().api.getSession({ headers });
  return session ? { userId: session.user.id, via: "session", credential: { kind: "session", id: session.session.id, expiresAt: new Date(session.session.expiresAt).getTime() } } : null;
}

/**
 * The viewer of a request to the workspace `slug`, and what `authorize` decides on (`accessRow`).
 * With an API token both come from one statement — a script's every request needs both, and a
 * round trip costs the app more than the lookups cost the database; otherwise the row is read
 * when asked for.
 */
export async function viewerWithAccess(request: Request, slug: string): Promise<{ viewer: TViewer | null; accessRow: () => Promise<TAccessRow | null> }> {
  const token = bearerOf(request.headers);
  if (!token || !token.startsWith(TOKEN_PREFIX)) {
    const viewer = await viewerFromHeaders(request.headers);
    return { viewer, accessRow: () => readAccessRow(viewer?.userId ?? null, slug) };
  }
  const rows = await hotRows<TAccessRow & { tokenUserId: string; tokenScope: string; tokenId: string; tokenExpiresAt: number | null }>(Prisma.sql`${liveTokenSql(token)}
    select live."userId"::text as "tokenUserId", live.scope::text as "tokenScope", live.id::text as "tokenId", ${TOKEN_EXPIRY_MS} as "tokenExpiresAt", a.*
    from live left join lateral (${accessSql(Prisma.sql`live."userId"`, slug)}) a on true`);
  if (!rows[0]) throw new AppError("UNAUTHORIZED", INVALID_TOKEN);
  const { tokenUserId, tokenScope, tokenId, tokenExpiresAt, ...access } = rows[0];
  const row = access.id === null ? null : access;
  const viewer: TViewer = { userId: tokenUserId, via: "token", scope: scopeOf(tokenScope), credential: { kind: "token", id: tokenId, expiresAt: tokenExpiresAt } };
  return { viewer, accessRow: async () => row };
}

/**
 * The viewer of a request that changes something: signed in, within the write rate limit, and —
 * when signed in by cookie — sent from this site (the Origin check that keeps other sites from
 * acting with the cookie).
 */
export async function requireWriter(request: Request): Promise<TViewer> {
  return checkWriter(request, await getViewer(request));
}

/** `requireWriter`'s checks, on a viewer already looked up. */
export async function checkWriter(request: Request, viewer: TViewer | null): Promise<TViewer> {
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in to make changes.");
  if (viewer.via === "session" && !isSameOrigin(request)) {
    throw new AppError("FORBIDDEN", "This request came from another site and was refused.");
  }
  if (viewer.via === "token" && viewer.scope === "read") {
    throw new AppError("FORBIDDEN", "This API token may only read; make a token with the write scope to change things.");
  }
  await limitWrites(viewer.userId);
  return viewer;
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The viewer of a request that manages the account itself (making API tokens): signed in with the
 * browser session, never with a token, so a leaked token cannot mint itself successors.
 */
export async function requireSessionWriter(request: Request): Promise<TViewer> {
  const viewer = await requireWriter(request);
  if (viewer.via !== "session") throw new AppError("FORBIDDEN", "An API token cannot create tokens; make one on your account page (or with `npm run token`).");
  return viewer;
}
