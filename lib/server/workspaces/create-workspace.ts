import "server-only";
import type { z } from "zod";
import { randomBytes } from "node:crypto";
import { numberedSlug, slugify, withSecretPart } from "../../domain/slug";
import type { ZCreateWorkspaceSchema } from "../../schemas/workspaces";
import type { TViewer } from "../authorize";
import type { TRecordIn, TTx } from "../mutation";

/** 72 random bits in base 36 (14 characters): the part of a LINK workspace's address nobody can guess. */
export function secretSlugPart(): string {
  return BigInt(`0x${randomBytes(9).toString("hex")}`).toString(36).padStart(14, "0");
}

/**
 * Creates a workspace with the caller as OWNER; without a slug, one is made from the title. A
 * taken slug is not an error: the next free one (`-2`, `-3`…) is used and returned, since a 409
 * would tell anyone which private workspaces exist. A LINK workspace's slug ends in a secret part.
 */
export async function createWorkspace(tx: TTx, viewer: TViewer, input: z.output<typeof ZCreateWorkspaceSchema>, record: TRecordIn) {
  let base = input.slug ?? slugify(input.title);
  if (input.visibility === "LINK") base = withSecretPart(base, secretSlugPart());
  let slug = base;
  for (let n = 2; await tx.workspace.findUnique({ where: { slug }, select: { id: true } }); n++) slug = numberedSlug(base, n);
  const workspace = await tx.workspace.create({
    data: { slug, title: input.title, description: input.description ?? "", visibility: input.visibility, members: { create: { userId: viewer.userId, role: "OWNER" } } },
    select: { id: true, slug: true, title: true, visibility: true },
  });
  record({ workspaceId: workspace.id, type: "workspace.created", entityId: workspace.id, after: workspace });
  return workspace;
}
