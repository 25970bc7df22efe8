import "server-only";
import { AppError } from "../../errors/app-error";
import { PRESENCE_CHANNEL } from "../../realtime/events";
import type { TMutationContext } from "../mutation";
import { lockMembership, refuseLastOwner } from "./lock-membership";

/**
 * Removes a member (an owner's decision), or the caller themselves (leaving). Their presence goes
 * with them; their open event streams end at once (the hub re-checks access on this event), and
 * their next request, by cookie or token, finds a private workspace not found. What they wrote stays.
 */
export async function removeMember({ tx, workspace, role, viewer, record }: TMutationContext, userId: string) {
  const leaving = userId === viewer.userId;
  if (!leaving && role !== "OWNER") throw new AppError("FORBIDDEN", "Only owners can remove other members.");
  const { member, owners } = await lockMembership(tx, workspace.id, userId);
  refuseLastOwner(member, owners, leaving ? "You are the only owner and cannot leave" : `${member.name} is the only owner`);
  await tx.member.delete({ where: { id: member.id } });
  await tx.presence.deleteMany({ where: { workspaceId: workspace.id, userId } });
  await tx.$executeRaw`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify({ w: workspace.id })})`;
  record({ type: leaving ? "member.left" : "member.removed", entityId: member.id, before: { userId, name: member.name, role: member.role } });
  return { status: 200, body: { userId, removed: true, left: leaving } };
}
