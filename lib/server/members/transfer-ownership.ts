import "server-only";
import { AppError } from "../../errors/app-error";
import type { TMutationContext } from "../mutation";
import { lockMembership } from "./lock-membership";

/**
 * Hands the workspace over: the member becomes an owner and the caller, an owner until now,
 * becomes an editor. At no moment is the workspace without an owner.
 */
export async function transferOwnership({ tx, workspace, viewer, record }: TMutationContext, userId: string) {
  if (userId === viewer.userId) throw new AppError("UNPROCESSABLE", "You already own this workspace; choose another member to hand it to.");
  const { member: to } = await lockMembership(tx, workspace.id, userId);
  const { member: from } = await lockMembership(tx, workspace.id, viewer.userId);
  if (to.role !== "OWNER") await tx.member.update({ where: { id: to.id }, data: { role: "OWNER" } });
  await tx.member.update({ where: { id: from.id }, data: { role: "EDITOR" } });
  record({
    type: "workspace.transferred",
    entityId: workspace.id,
    before: { from: { userId: from.userId, name: from.name, role: from.role }, to: { userId: to.userId, name: to.name, role: to.role } },
    after: { from: { userId: from.userId, name: from.name, role: "EDITOR" }, to: { userId: to.userId, name: to.name, role: "OWNER" } },
  });
  return { status: 200, body: { owner: to.userId, you: "EDITOR" as const } };
}
