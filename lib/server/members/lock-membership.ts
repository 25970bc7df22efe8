import "server-only";
import type { TRole } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import type { TTx } from "../mutation";

export interface TMembership {
  id: string;
  userId: string;
  role: TRole;
  name: string;
  email: string;
}

/**
 * Locks the workspace's row for the rest of the transaction, so changes to its membership take
 * turns: two owners demoting each other at once cannot leave it without an owner. Returns the
 * member `userId` (404 when they are not one) and how many owners there are.
 */
export async function lockMembership(tx: TTx, workspaceId: string, userId: string): Promise<{ member: TMembership; owners: number }> {
  await tx.$queryRaw`select id from "Workspace" where id = ${workspaceId}::uuid for update`;
  const rows = await tx.$queryRaw<(TMembership & { owners: number })[]>`
    select m.id::text as id, m."userId"::text as "userId", m.role::text as role, u.name, u.email,
      (select count(*)::int from "Member" o where o."workspaceId" = m."workspaceId" and o.role = 'OWNER') as owners
    from "Member" m join "User" u on u.id = m."userId"
    where m."workspaceId" = ${workspaceId}::uuid and m."userId" = ${userId}::uuid`;
  if (rows.length === 0) throw notFound("Member");
  const { owners, ...member } = rows[0];
  return { member, owners };
}

/** The last owner may not step down: a workspace always has someone who can run it. */
export function refuseLastOwner(member: TMembership, owners: number, what: string): void {
  if (member.role === "OWNER" && owners <= 1) {
    throw new AppError("CONFLICT", `${what}: a workspace needs at least one owner. Make another member an owner first (or hand over ownership).`);
  }
}
