import "server-only";
import { numberedSlug, withSecretPart } from "../../domain/slug";
import { AppError } from "../../errors/app-error";
import type { TUpdateWorkspace } from "../../schemas/workspaces";
import type { TMutationContext, TTx } from "../mutation";
import { secretSlugPart } from "./create-workspace";

const SELECT = { id: true, slug: true, title: true, description: true, visibility: true, version: true } as const;

/**
 * An owner changes the title, description, visibility or address. The edit names the version it
 * was based on (409 with the current settings when stale). A new address keeps the old one as an
 * alias that redirects — except when the workspace becomes LINK ("anyone with the link"): then it
 * gets an address with a part nobody can guess, and the old, guessable one stops working.
 * A taken address is not an error (that would tell which private workspaces exist): the next free
 * one is used and returned, as when creating a workspace.
 */
export async function updateWorkspace({ tx, workspace, record }: TMutationContext, input: TUpdateWorkspace) {
  const before = await tx.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: SELECT });
  if (before.version !== input.version) {
    throw new AppError("CONFLICT", `The workspace's settings were changed by someone else since you loaded them (your version ${input.version}, now ${before.version}). Review them and try again.`, { current: before });
  }
  const visibility = input.visibility ?? before.visibility;
  const becomesLink = visibility === "LINK" && before.visibility !== "LINK";
  let slug = before.slug;
  if (input.slug !== undefined || becomesLink) {
    const wanted = visibility === "LINK" ? withSecretPart(input.slug ?? stripSecretPart(before.slug, before.visibility), secretSlugPart()) : (input.slug ?? before.slug);
    if (wanted !== before.slug) slug = await freeSlug(tx, wanted, workspace.id);
  }
  const updated = await tx.workspace.updateManyAndReturn({
    where: { id: workspace.id, version: input.version },
    data: { title: input.title, description: input.description, visibility, slug, version: { increment: 1 } },
    select: SELECT,
  });
  if (updated.length !== 1) throw new AppError("CONFLICT", "The workspace's settings were changed by someone else just now. Review them and try again.");
  const after = updated[0];
  if (slug !== before.slug) {
    await tx.workspaceSlugAlias.deleteMany({ where: { slug } });
    if (!becomesLink) await tx.workspaceSlugAlias.create({ data: { slug: before.slug, workspaceId: workspace.id } });
  }
  const changed = (Object.keys(SELECT) as (keyof typeof SELECT)[]).filter((k) => k !== "id" && k !== "version" && before[k] !== after[k]);
  record({
    type: "workspace.updated",
    entityId: workspace.id,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
  return { status: 200, body: { slug: after.slug, title: after.title, description: after.description, visibility: after.visibility, version: after.version } };
}

/** A LINK workspace's readable name, without its secret part (the last 14 characters and a hyphen). */
function stripSecretPart(slug: string, visibility: string): string {
  return visibility === "LINK" ? slug.replace(/-[0-9a-z]{14}$/, "") : slug;
}

/** `wanted`, or the next free numbered form; an old address of this same workspace may be taken back. */
async function freeSlug(tx: TTx, wanted: string, workspaceId: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = numberedSlug(wanted, n);
    const [taken, alias] = await Promise.all([
      tx.workspace.findUnique({ where: { slug }, select: { id: true } }),
      tx.workspaceSlugAlias.findUnique({ where: { slug }, select: { workspaceId: true } }),
    ]);
    if (!taken && (!alias || alias.workspaceId === workspaceId)) return slug;
  }
}
