/**
 * Personal API tokens for scripts (`Authorization: Bearer smk_…`). A token is 32 random bytes;
 * only its SHA-256 is stored, which is enough for a secret of that entropy (no slow hash needed).
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db/client";

export const TOKEN_PREFIX = "smk_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for the user; the plain token is returned once and never stored. */
export async function createApiToken(prisma: PrismaClient, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await prisma.apiToken.create({ data: { userId, name, tokenHash: hashToken(token) }, select: { id: true } });
  return { id: row.id, token };
}

/** How often a token's lastUsedAt is refreshed: a busy script should not turn every read into a write. */
const LAST_USED_RESOLUTION = "1 minute";

/**
 * The user a live token belongs to, or null. One statement, since every API request asks: it finds
 * the live token and, when its lastUsedAt is older than a minute, records the use (an UPDATE that
 * matches no row writes nothing).
 */
export async function findTokenUser(prisma: PrismaClient, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = new Date();
  const rows = await prisma.$queryRaw<{ userId: string }[]>`
    with live as (
      select id, "userId" from "ApiToken" where "tokenHash" = ${hashToken(token)} and "revokedAt" is null
    ), touched as (
      update "ApiToken" t set "lastUsedAt" = ${now}::timestamp(3)
      from live
      where t.id = live.id and (t."lastUsedAt" is null or t."lastUsedAt" < ${now}::timestamp(3) - ${LAST_USED_RESOLUTION}::interval)
      returning t.id
    )
    select "userId"::text as "userId" from live`;
  return rows[0]?.userId ?? null;
}

/** The user's tokens (never the secrets), newest first. */
export function listApiTokens(prisma: PrismaClient, userId: string) {
  return prisma.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(prisma: PrismaClient, userId: string, tokenId: string): Promise<boolean> {
  const result = await prisma.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}
