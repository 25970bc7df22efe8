import "server-only";
import { notFound } from "../../errors/app-error";
import type { TMutationContext, TTx } from "../mutation";

/** Merges chain at most this deep (each merge is a person's act; this only bounds a loop). */
const MAX_MERGE_DEPTH = 50;

/** The author an author's id now stands for: itself, or the author it was merged into (followed to the end). */
export async function resolveMergedAuthor(tx: TTx, workspaceId: string, authorId: string): Promise<string> {
  let id = authorId;
  for (let depth = 0; depth < MAX_MERGE_DEPTH; depth++) {
    const author = await tx.author.findFirst({ where: { id, workspaceId }, select: { mergedIntoId: true } });
    if (!author) throw notFound("Author");
    if (!author.mergedIntoId) return id;
    id = author.mergedIntoId;
  }
  return id;
}

/**
 * The workspace's author with this name (or the one it was merged into), else a new one, whose
 * short name defaults to the last word of the name. Sources added or edited by author name use it.
 */
export async function findOrCreateAuthor({ tx, workspace, record }: TMutationContext, input: { name: string; shortName?: string }): Promise<string> {
  const existing = await tx.author.findUnique({ where: { workspaceId_name: { workspaceId: workspace.id, name: input.name } }, select: { id: true } });
  if (existing) return resolveMergedAuthor(tx, workspace.id, existing.id);
  const author = await tx.author.create({
    data: { workspaceId: workspace.id, name: input.name, shortName: input.shortName ?? input.name.split(/\s+/).at(-1)! },
    select: { id: true },
  });
  record({ type: "author.created", entityId: author.id, after: { id: author.id, name: input.name } });
  return author.id;
}
