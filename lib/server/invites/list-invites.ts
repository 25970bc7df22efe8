import "server-only";
import { db } from "../../db/client";
import type { TRole } from "../../domain/types";

export interface TInviteEntry {
  id: string;
  role: TRole;
  uses: number;
  maxUses: number;
  expiresAt: string;
  emailDomain: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

/**
 * The workspace's open invite links (not withdrawn, not expired, not used up), newest first, with
 * who made each. The tokens themselves are never kept, so never listed.
 */
export async function listInvites(workspaceId: string): Promise<TInviteEntry[]> {
  const rows = await db().$queryRaw<(Omit<TInviteEntry, "createdBy" | "expiresAt" | "createdAt"> & { expiresAt: Date; createdAt: Date; creatorId: string | null; creatorName: string | null })[]>`
    select i.id::text as id, i.role::text as role, i.uses, i."maxUses", i."expiresAt", i."emailDomain", i."createdAt",
      u.id::text as "creatorId", u.name as "creatorName"
    from "Invite" i left join "User" u on u.id = i."createdById"
    where i."workspaceId" = ${workspaceId}::uuid and i."revokedAt" is null and i."expiresAt" > now() and i.uses < i."maxUses"
    order by i."createdAt" desc`;
  return rows.map(({ creatorId, creatorName, expiresAt, createdAt, ...invite }) => ({
    ...invite,
    expiresAt: expiresAt.toISOString(),
    createdAt: createdAt.toISOString(),
    createdBy: creatorId ? { id: creatorId, name: creatorName ?? "Former member" } : null,
  }));
}
