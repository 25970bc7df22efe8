import "server-only";
import { db } from "../../db/client";
import { ROLES, type TRole } from "../../domain/types";
import { AppError } from "../../errors/app-error";
import { hashToken } from "../auth/api-tokens";
import type { TViewer } from "../authorize";
import { transact } from "../mutation";

/** What an invite link offers, for the join page; null when it does not exist or no longer works. */
export async function findInvite(token: string) {
  const invite = await db().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, role: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true, workspace: { select: { slug: true, title: true, deletedAt: true } } },
  });
  if (!invite || invite.workspace.deletedAt) return null;
  const problem = invite.revokedAt ? "revoked" : invite.expiresAt < new Date() ? "expired" : invite.uses >= invite.maxUses ? "used up" : null;
  return { role: invite.role as TRole, workspace: { slug: invite.workspace.slug, title: invite.workspace.title }, expiresAt: invite.expiresAt, problem };
}

/**
 * Joins the workspace with the invite's role. A member who already has a stronger role keeps it.
 * The use is counted atomically, so a link for 30 people admits 30 even when they all click at once.
 */
export async function acceptInvite(viewer: TViewer, token: string) {
  return transact({ viewer }, async (tx, record) => {
    const claimed = await tx.$queryRaw<{ id: string; workspaceId: string; role: TRole }[]>`
      update "Invite" set uses = uses + 1
      where "tokenHash" = ${hashToken(token)} and "revokedAt" is null and "expiresAt" > now() and uses < "maxUses"
      returning id, "workspaceId", role::text as role`;
    if (claimed.length === 0) {
      const invite = await findInvite(token);
      if (!invite) throw new AppError("NOT_FOUND", "This invite link does not exist.");
      throw new AppError("UNPROCESSABLE", `This invite link has ${invite.problem ?? "stopped working"}; ask the facilitator for a new one.`);
    }
    const { workspaceId, role } = claimed[0];
    const existing = await tx.member.findUnique({ where: { workspaceId_userId: { workspaceId, userId: viewer.userId } } });
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { slug: true } });
    if (existing && ROLES.indexOf(existing.role) <= ROLES.indexOf(role)) {
      return { status: 200, body: { slug: workspace.slug, role: existing.role, joined: false } };
    }
    const member = existing
      ? await tx.member.update({ where: { id: existing.id }, data: { role } })
      : await tx.member.create({ data: { workspaceId, userId: viewer.userId, role } });
    record({ workspaceId, type: existing ? "member.updated" : "member.joined", entityId: member.id, before: existing ?? undefined, after: { userId: viewer.userId, role } });
    return { status: 200, body: { slug: workspace.slug, role, joined: true } };
  });
}
