import type { PrismaClient } from "./client";

/** How long the answer to a request with an Idempotency-Key is kept for its retries. */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;
/** Presence older than this is long past its TTL: the tab is gone. */
const PRESENCE_KEEP_MS = 60 * 60 * 1000;
/** How long a deleted workspace is kept, restorable by its owners, before housekeeping purges it. */
export const DELETED_WORKSPACE_KEEP_DAYS = 30;
/** Sign-in rate-limit counters untouched this long have expired (their window is a minute). */
const AUTH_COUNTER_KEEP_MS = 60 * 60 * 1000;

export interface THousekeeping {
  presence: number;
  idempotentRequests: number;
  authRateLimits: number;
  writeRateLimits: number;
  sessions: number;
  verifications: number;
  workspaces: number;
}

/**
 * Deletes rows that only ever grow and are no longer used: presence of closed tabs, answers kept
 * for retries after a day, expired rate-limit counters, expired sessions and verification codes,
 * and workspaces deleted more than 30 days ago, with everything in them.
 * Safe to run from every instance at once (each DELETE only removes what has expired).
 */
export async function cleanExpiredRows(prisma: PrismaClient, now = new Date()): Promise<THousekeeping> {
  const ms = now.getTime();
  const workspaces = await purgeDeletedWorkspaces(prisma, new Date(ms - DELETED_WORKSPACE_KEEP_DAYS * 86_400_000));
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
    workspaces,
  };
}

/**
 * Removes workspaces deleted before `before`, one statement each (a large map is many rows): every
 * table's rows of a workspace go with it, as their foreign keys cascade.
 */
async function purgeDeletedWorkspaces(prisma: PrismaClient, before: Date): Promise<number> {
  const doomed = await prisma.workspace.findMany({ where: { deletedAt: { lt: before } }, select: { id: true } });
  let purged = 0;
  for (const { id } of doomed) purged += (await prisma.workspace.deleteMany({ where: { id, deletedAt: { lt: before } } })).count;
  return purged;
}
