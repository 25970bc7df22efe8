/**
 * Personal API tokens for scripts (`Authorization: Bearer smk_…`). A token is 32 random bytes;
 * only its SHA-256 is stored, which is enough for a secret of that entropy (no slow hash needed).
 */
import { createHash, randomBytes } from "node:crypto";
import { hotRows, Prisma, type PrismaClient } from "../../db/client";
import { DEFAULT_TOKEN_DAYS, type TTokenScope } from "../../schemas/tokens";

export const TOKEN_PREFIX = "smk_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a token for the user, for `expiresInDays` (90 unless said) with `scope` (`write` unless
 * said); the plain token is returned once and never stored.
 */
export async function createApiToken(
  prisma: PrismaClient,
  userId: string,
  name: string,
  options: { scope?: TTokenScope; expiresInDays?: number } = {},
): Promise<{ id: string; token: string; scope: TTokenScope; expiresAt: Date }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const scope = options.scope ?? "write";
  const expiresAt = new Date(Date.now() + (options.expiresInDays ?? DEFAULT_TOKEN_DAYS) * 86_400_000);
  const row = await prisma.apiToken.create({ data: { userId, name, tokenHash: hashToken(token), scope, expiresAt }, select: { id: true } });
  return { id: row.id, token, scope, expiresAt };
}

/** How often a token's lastUsedAt is refreshed: a busy script should not turn every read into a write. */
const LAST_USED_RESOLUTION = "1 minute";

/**
 * The live token (not revoked, not expired) with `token`'s hash, as the CTE `live` ("userId",
 * scope), and — when its lastUsedAt is older than a minute — the record of this use (an UPDATE
 * that matches no row writes nothing). For a statement that goes on to select from `live`.
 */
export function liveTokenSql(token: string): Prisma.Sql {
  const now = new Date();
  return Prisma.sql`
    with live as (
      select id, "userId", scope, "expiresAt" from "ApiToken"
      where "tokenHash" = ${hashToken(token)} and "revokedAt" is null and ("expiresAt" is null or "expiresAt" > ${now}::timestamp(3))
    ), touched as (
      update "ApiToken" t set "lastUsedAt" = ${now}::timestamp(3)
      from live
      where t.id = live.id and (t."lastUsedAt" is null or t."lastUsedAt" < ${now}::timestamp(3) - ${LAST_USED_RESOLUTION}::interval)
      returning t.id
    )`;
}

/**
 * The user a live token belongs to and what it may do, or null. One statement, since every API
 * request asks (see `liveTokenSql`).
 */
export async function findTokenUser(prisma: PrismaClient, token: string): Promise<{ userId: string; scope: TTokenScope; tokenId: string; expiresAt: number | null } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const rows = await hotRows<{ userId: string; scope: TTokenScope; tokenId: string; expiresAt: number | null }>(
    Prisma.sql`${liveTokenSql(token)} select "userId"::text as "userId", scope, id::text as "tokenId", ${TOKEN_EXPIRY_MS} as "expiresAt" from live`,
    prisma,
  );
  return rows[0] ? { ...rows[0], scope: scopeOf(rows[0].scope) } : null;
}

/** A live token's expiry in ms since the epoch (its column is UTC, without a zone), for a statement selecting from `live`. */
export const TOKEN_EXPIRY_MS = Prisma.sql`(extract(epoch from live."expiresAt") * 1000)::float8`;

/** A stored scope as the API names it (anything but `read` may write). */
export function scopeOf(stored: string): TTokenScope {
  return stored === "read" ? "read" : "write";
}

/** The user's live tokens (never the secrets), newest first: expired ones are left out. */
export function listApiTokens(prisma: PrismaClient, userId: string) {
  return prisma.apiToken.findMany({
    where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true, scope: true },
  });
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(prisma: PrismaClient, userId: string, tokenId: string): Promise<boolean> {
  const result = await prisma.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}
