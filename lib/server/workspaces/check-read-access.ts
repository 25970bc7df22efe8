import "server-only";
import { db } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import type { TRole, TVisibility } from "../../domain/types";
import { isAllowed, type TViewer } from "../authorize";

/**
 * Whether `viewer` may still read the workspace (by id: its slug may have changed meanwhile), and
 * with which role. Asked by an open event stream when its workspace's membership, visibility or
 * existence changed.
 */
export async function checkReadAccess(viewer: TViewer | null, workspaceId: string): Promise<{ allowed: boolean; role: TRole | null }> {
  const rows = await db().$queryRaw<{ visibility: TVisibility; role: TRole | null }[]>`
    select w.visibility::text as visibility, m.role::text as role
    from "Workspace" w
    left join "Member" m on m."workspaceId" = w.id and m."userId" = ${viewer?.userId ?? null}::uuid
    where w.id = ${workspaceId}::uuid and ${liveSql.workspace("w")}`;
  if (rows.length === 0) return { allowed: false, role: null };
  const { visibility, role } = rows[0];
  return { allowed: isAllowed(role, visibility, "read"), role };
}
