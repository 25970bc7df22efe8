import "server-only";
import type { TRole } from "../../domain/types";
import type { TMutationContext } from "../mutation";
import { lockMembership, refuseLastOwner } from "./lock-membership";

/**
 * An owner gives a member another role. It takes effect on the member's next request (authorize
 * reads the role every time) and their open event streams check their access again at once.
 */
export async function changeMemberRole({ tx, workspace, record }: TMutationContext, userId: string, role: TRole) {
  const { member, owners } = await lockMembership(tx, workspace.id, userId);
  if (member.role === role) return { status: 200, body: { userId, role, changed: false } };
  if (role !== "OWNER") refuseLastOwner(member, owners, `${member.name} is the only owner and cannot be given another role`);
  await tx.member.update({ where: { id: member.id }, data: { role } });
  record({
    type: "member.updated",
    entityId: member.id,
    before: { userId, name: member.name, role: member.role },
    after: { userId, name: member.name, role },
  });
  return { status: 200, body: { userId, role, changed: true } };
}
