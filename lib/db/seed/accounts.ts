/**
 * Start-up chores for accounts: the secret that signs session cookies (kept in the database so
 * every app instance on it shares one), and the demo owner's password.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "../client";
import { DEMO_OWNER_EMAIL } from "./demo";

/** The demo owner's password in development and tests only; a production start never uses it. */
export const DEFAULT_DEMO_PASSWORD = "stancemap-demo";

/**
 * How the demo owner's password is chosen when none is set yet: `known` (development and tests)
 * takes STANCEMAP_DEMO_PASSWORD or the published default; `generate` (a production start) takes
 * STANCEMAP_DEMO_PASSWORD or a random one, so no server carries a password anyone can look up.
 */
export type TDemoPasswordMode = "known" | "generate";

/** The password to give the demo owner, and whether it was generated (and so must be shown once). */
export function chooseDemoPassword(mode: TDemoPasswordMode, env: string | undefined = process.env.STANCEMAP_DEMO_PASSWORD): { password: string; generated: boolean } {
  if (env) return { password: env, generated: false };
  if (mode === "known") return { password: DEFAULT_DEMO_PASSWORD, generated: false };
  return { password: randomBytes(15).toString("base64url"), generated: true };
}

/** Returns the installation's auth secret, creating it on first start. */
export async function ensureAuthSecret(prisma: PrismaClient): Promise<string> {
  await prisma.setting.createMany({ data: [{ key: "auth-secret", value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  return (await prisma.setting.findUniqueOrThrow({ where: { key: "auth-secret" } })).value;
}

/** Gives the demo owner `password` if they have none yet; true when it was set now. */
export async function ensureDemoOwnerPassword(prisma: PrismaClient, password = chooseDemoPassword("known").password): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { email: DEMO_OWNER_EMAIL }, select: { id: true, accounts: { where: { providerId: "credential" }, select: { id: true } } } });
  if (!user || user.accounts.length > 0) return false;
  await prisma.account.create({
    data: { id: randomUUID(), userId: user.id, accountId: user.id, providerId: "credential", password: await hashPassword(password) },
  });
  return true;
}
