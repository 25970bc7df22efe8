import "server-only";
import { db } from "../../db/client";
import type { TRole } from "../../domain/types";

export interface TMemberEntry {
  user: { id: string; name: string; email: string };
  role: TRole;
  joinedAt: string;
}

/** The workspace's members, owners first, then by when they joined. */
export async function listWorkspaceMembers(workspaceId: string): Promise<TMemberEntry[]> {
  const rows = await db().member.findMany({
    where: { workspaceId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((m) => ({ user: m.user, role: m.role, joinedAt: m.createdAt.toISOString() }));
}
