import "server-only";
import { randomBytes } from "node:crypto";
import type { TRole } from "../../domain/types";
import { hashToken } from "../auth/api-tokens";
import type { TMutationContext } from "../mutation";

/** Creates an invite link carrying a role; the token is returned once, only its hash is kept. */
export async function createInvite({ tx, workspace, viewer, record }: TMutationContext, input: { role: Exclude<TRole, "OWNER">; expiresInHours: number; maxUses: number; emailDomain?: string | null }) {
  const token = randomBytes(24).toString("base64url");
  const invite = await tx.invite.create({
    data: { workspaceId: workspace.id, role: input.role, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000), maxUses: input.maxUses, createdById: viewer.userId, emailDomain: input.emailDomain ?? null },
    select: { id: true, role: true, expiresAt: true, maxUses: true, emailDomain: true },
  });
  record({ type: "invite.created", entityId: invite.id, after: invite });
  return { ...invite, token, path: `/join/${token}` };
}
