import "server-only";
import type { z } from "zod";
import { slugify } from "../../domain/slug";
import { AppError } from "../../errors/app-error";
import type { ZCreateWorkspaceSchema } from "../../schemas/workspaces";
import type { TViewer } from "../authorize";
import type { TRecordIn, TTx } from "../mutation";

/** Creates a workspace with the caller as OWNER; without a slug, one is made from the title. */
export async function createWorkspace(tx: TTx, viewer: TViewer, input: z.output<typeof ZCreateWorkspaceSchema>, record: TRecordIn) {
  let slug = input.slug ?? slugify(input.title);
  if (await tx.workspace.findUnique({ where: { slug }, select: { id: true } })) {
    if (input.slug) throw new AppError("CONFLICT", `The slug '${slug}' is taken; choose another.`);
    const base = slug;
    for (let n = 2; await tx.workspace.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
  }
  const workspace = await tx.workspace.create({
    data: { slug, title: input.title, description: input.description ?? "", visibility: input.visibility, members: { create: { userId: viewer.userId, role: "OWNER" } } },
    select: { id: true, slug: true, title: true, visibility: true },
  });
  record({ workspaceId: workspace.id, type: "workspace.created", entityId: workspace.id, after: workspace });
  return workspace;
}
