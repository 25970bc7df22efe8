import "server-only";
import { db } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import type { TRole, TVisibility } from "../../domain/types";
import { isAllowed, type TViewer } from "../authorize";

/**
 * Whether `viewer` may still read the workspace (by id: its slug may have changed meanwhile), and
 * with which role. Asked by an open event stream when its workspace's membership, visibility or
 * existence changed, when the viewer's tokens or sessions changed, and when the token or session
 * it was opened with expires: a stream opened with a token or session that is no longer live may
 * read nothing, not even a public workspace (a script whose token was revoked is told at once).
 */
export async function checkReadAccess(viewer: TViewer | null, workspaceId: string): Promise<{ allowed: boolean; role: TRole | null }> {
  const now = new Date();
  const credential = viewer?.credential ?? null;
  const rows = await db().$queryRaw<{ visibility: TVisibility; role: TRole | null; credentialLive: boolean }[]>`
    select w.visibility::text as visibility, m.role::text as role,
      case ${credential?.kind ?? null}::text
        when 'token' then exists (select 1 from "ApiToken" t where t.id = ${credential?.id ?? null}::uuid and t."revokedAt" is null and (t."expiresAt" is null or t."expiresAt" > ${now}::timestamp(3)))
        when 'session' then exists (select 1 from "Session" s where s.id = ${credential?.id ?? null}::uuid and s."expiresAt" > ${now}::timestamp(3))
        else true end as "credentialLive"
    from "Workspace" w
    left join "Member" m on m."workspaceId" = w.id and m."userId" = ${viewer?.userId ?? null}::uuid
    where w.id = ${workspaceId}::uuid and ${liveSql.workspace("w")}`;
  if (rows.length === 0 || !rows[0].credentialLive) return { allowed: false, role: null };
  const { visibility, role } = rows[0];
  return { allowed: isAllowed(role, visibility, "read"), role };
}
