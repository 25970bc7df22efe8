import "server-only";
import { AppError, notFound } from "../../errors/app-error";
import type { TUpdateAuthor } from "../../schemas/sources";
import type { TMutationContext } from "../mutation";
import { updateVersioned } from "../versioned";
import { AUTHOR_FIELDS, type TAuthorRow } from "./author-fields";

/**
 * Edits an author's name, short name (the matrix's column header) or affiliation at `version`
 * (409 when stale). A name another author of the workspace has is refused with 409: two authors
 * with one name are one author, and merging says so.
 */
export async function updateAuthor({ tx, workspace, record }: TMutationContext, authorId: string, input: TUpdateAuthor): Promise<TAuthorRow> {
  const before = await tx.author.findFirst({ where: { id: authorId, workspaceId: workspace.id, mergedIntoId: null }, select: AUTHOR_FIELDS });
  if (!before) throw notFound("Author");
  if (before.version !== input.version) await updateVersioned<TAuthorRow>(tx, "author", { before, version: input.version, what: "This author", select: AUTHOR_FIELDS, data: {} });
  const data: Record<string, unknown> = {};
  if (input.name !== undefined && input.name !== before.name) {
    const taken = await tx.author.findUnique({ where: { workspaceId_name: { workspaceId: workspace.id, name: input.name } }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `Another author is already called “${input.name}”; merge the two authors instead.`, { issues: [{ path: "name", message: "taken by another author" }] });
    data.name = input.name;
  }
  if (input.shortName !== undefined) data.shortName = input.shortName;
  if (input.affiliation !== undefined) data.affiliation = input.affiliation || null;
  if (Object.keys(data).length === 0) throw new AppError("BAD_REQUEST", "Send at least one field to change: name, shortName or affiliation.");
  const after = await updateVersioned<TAuthorRow>(tx, "author", { before, version: input.version, what: "This author", select: AUTHOR_FIELDS, data, where: { mergedIntoId: null } });
  record({ type: "author.updated", entityId: authorId, before, after });
  return after;
}
