import "server-only";
import { db } from "../../db/client";
import { ROLES, type TRole } from "../../domain/types";
import { AppError } from "../../errors/app-error";
import { hashToken } from "../auth/api-tokens";
import type { TViewer } from "../authorize";
import { transact } from "../mutation";

/** What a withdrawn link answers (410), on the API and the join page alike. */
export const WITHDRAWN_MESSAGE = "This invite link was withdrawn";

/**
 * What an invite link offers, for the join page; null when it does not exist. A link its owner
 * withdrew is a 410 (GONE); one that expired or was used up says so in `problem`.
 */
export async function findInvite(token: string) {
  const invite = await db().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, role: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true, emailDomain: true, workspace: { select: { slug: true, title: true, deletedAt: true } } },
  });
  if (!invite || invite.workspace.deletedAt) return null;
  if (invite.revokedAt) throw new AppError("GONE", `${WITHDRAWN_MESSAGE}; ask the facilitator for a new one.`);
  const problem = invite.expiresAt < new Date() ? "expired" : invite.uses >= invite.maxUses ? "used up" : null;
  return { role: invite.role as TRole, workspace: { slug: invite.workspace.slug, title: invite.workspace.title }, expiresAt: invite.expiresAt, emailDomain: invite.emailDomain, problem };
}

/** Whether `email` is at `domain` (or any address when the link is not limited to one). */
export function isEmailAtDomain(email: string, domain: string | null): boolean {
  return domain === null || email.toLowerCase().endsWith(`@${domain}`);
}

/**
 * Joins the workspace with the invite's role. A member who already has a stronger role keeps it.
 * The use is counted atomically, so a link for 30 people admits 30 even when they all click at once.
 */
export async function acceptInvite(viewer: TViewer, token: string) {
  return transact({ viewer }, async (tx, record) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { email: true } });
    // The domain is checked in the same statement that counts the use, so a refused account uses nothing up.
    const claimed = await tx.$queryRaw<{ id: string; workspaceId: string; role: TRole }[]>`
      update "Invite" set uses = uses + 1
      where "tokenHash" = ${hashToken(token)} and "revokedAt" is null and "expiresAt" > now() and uses < "maxUses"
        and ("emailDomain" is null or lower(${user.email}) like '%@' || "emailDomain")
      returning id, "workspaceId", role::text as role`;
    if (claimed.length === 0) {
      const invite = await findInvite(token);
      if (!invite) throw new AppError("NOT_FOUND", "This invite link does not exist.");
      if (!invite.problem && !isEmailAtDomain(user.email, invite.emailDomain)) {
        throw new AppError("FORBIDDEN", `This invite link is for accounts with an email address at ${invite.emailDomain}; sign in with one, or ask the facilitator for another link.`);
      }
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
    const name = (await tx.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true } })).name;
    record({
      workspaceId,
      type: existing ? "member.updated" : "member.joined",
      entityId: member.id,
      before: existing ? { userId: viewer.userId, name, role: existing.role } : undefined,
      after: { userId: viewer.userId, name, role },
    });
    return { status: 200, body: { slug: workspace.slug, role, joined: true } };
  });
}
