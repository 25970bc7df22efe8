import "server-only";
import { db } from "../../db/client";
import { listApiTokens } from "./api-tokens";

/** The account page's data: who the user is and their live API tokens. */
export async function getAccount(userId: string) {
  const [user, tokens] = await Promise.all([db().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }), listApiTokens(db(), userId)]);
  return { ...user, tokens: tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, expiresAt: t.expiresAt?.toISOString() ?? null })) };
}
