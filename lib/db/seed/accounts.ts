/**
 * Start-up chores for accounts: the secret that signs session cookies (kept in the database so
 * every app instance on it shares one), and the demo owner's password.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../client";
import { DEMO_OWNER_EMAIL } from "./demo";

export const DEFAULT_DEMO_PASSWORD = "stancemap-demo";

/** Returns the installation's auth secret, creating it on first start. */
export async function ensureAuthSecret(prisma: PrismaClient): Promise<string> {
  await prisma.setting.createMany({ data: [{ key: "auth-secret", value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  return (await prisma.setting.findUniqueOrThrow({ where: { key: "auth-secret" } })).value;
}

/** Gives the demo owner a password (STANCEMAP_DEMO_PASSWORD) if they have none yet. */
export async function ensureDemoOwnerPassword(prisma: PrismaClient, password = process.env.STANCEMAP_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { email: DEMO_OWNER_EMAIL }, select: { id: true, accounts: { where: { providerId: "credential" }, select: { id: true } } } });
  if (!user || user.accounts.length > 0) return false;
  await prisma.account.create({
    data: { id: randomUUID(), userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
  return true;
}
