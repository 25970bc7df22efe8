import type { PrismaClient } from "./client";

/** How long the answer to a request with an Idempotency-Key is kept for its retries. */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;
/** Presence older than this is long past its TTL: the tab is gone. */
const PRESENCE_KEEP_MS = 60 * 60 * 1000;
/** Sign-in rate-limit counters untouched this long have expired (their window is a minute). */
const AUTH_COUNTER_KEEP_MS = 60 * 60 * 1000;

export interface THousekeeping {
  presence: number;
  idempotentRequests: number;
  authRateLimits: number;
  writeRateLimits: number;
  sessions: number;
  verifications: number;
}

/**
 * Deletes rows that only ever grow and are no longer used: presence of closed tabs, answers kept
 * for retries after a day, expired rate-limit counters, expired sessions and verification codes.
 * Safe to run from every instance at once (each DELETE only removes what has expired).
 */
export async function cleanExpiredRows(prisma: PrismaClient, now = new Date()): Promise<THousekeeping> {
  const ms = now.getTime();
  const [presence, idempotentRequests, authRateLimits, writeRateLimits, sessions, verifications] = await Promise.all([
    prisma.presence.deleteMany({ where: { updatedAt: { lt: new Date(ms - PRESENCE_KEEP_MS) } } }),
    prisma.idempotentRequest.deleteMany({ where: { createdAt: { lt: new Date(ms - IDEMPOTENCY_KEEP_MS) } } }),
    prisma.rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(ms - AUTH_COUNTER_KEEP_MS) } } }),
    prisma.writeRateLimit.deleteMany({ where: { expire: { lt: BigInt(ms) } } }),
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.verification.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return {
    presence: presence.count,
    idempotentRequests: idempotentRequests.count,
    authRateLimits: authRateLimits.count,
    writeRateLimits: writeRateLimits.count,
    sessions: sessions.count,
    verifications: verifications.count,
  };
}
