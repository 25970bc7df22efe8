import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";

/**
 * Withdraws an invite link: from now on it answers 410 and admits nobody. Whoever already joined
 * through it stays a member (remove them one by one). Withdrawing it again changes nothing.
 */
export async function revokeInvite({ tx, workspace, record }: TMutationContext, inviteId: string) {
  const invite = await tx.invite.findFirst({ where: { id: inviteId, workspaceId: workspace.id }, select: { id: true, role: true, uses: true, maxUses: true, revokedAt: true } });
  if (!invite) throw notFound("Invite link");
  if (invite.revokedAt) return { status: 200, body: { id: invite.id, revoked: true } };
  const revokedAt = new Date();
  await tx.invite.update({ where: { id: invite.id }, data: { revokedAt } });
  record({ type: "invite.revoked", entityId: invite.id, before: { role: invite.role, uses: invite.uses, maxUses: invite.maxUses }, after: { revokedAt } });
  return { status: 200, body: { id: invite.id, revoked: true } };
}
