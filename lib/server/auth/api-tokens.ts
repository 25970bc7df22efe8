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

/** The user a live token belongs to, or null. */
export async function findTokenUser(prisma: PrismaClient, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) return null;
  // Record use at most once a minute: a busy script should not turn every read into a write.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.userId;
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
