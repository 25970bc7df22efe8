import "server-only";
import { db } from "../../db/client";

/** Members with their roles, and the invite links still open, for a workspace's settings page. */
export async function listMembers(workspaceId: string) {
  const [members, invites] = await Promise.all([
    db().member.findMany({ where: { workspaceId }, orderBy: [{ role: "asc" }, { createdAt: "asc" }], select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } } }),
    db().invite.findMany({
      where: { workspaceId, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, role: true, expiresAt: true, maxUses: true, uses: true },
    }),
  ]);
  return { members, invites: invites.filter((i) => i.uses < i.maxUses) };
}
