import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";

export interface TAuthorListItem {
  id: string;
  name: string;
  shortName: string;
  affiliation: string | null;
  version: number;
  /** Live sources by this author. */
  sourceCount: number;
}

/** The workspace's authors (not those merged into another), by name, with how many live sources each has. */
export async function listAuthors(workspaceId: string): Promise<TAuthorListItem[]> {
  const authors = await db().author.findMany({
    where: { workspaceId, mergedIntoId: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, shortName: true, affiliation: true, version: true, _count: { select: { sources: { where: liveWhere.source } } } },
  });
  return authors.map(({ _count, ...author }) => ({ ...author, sourceCount: _count.sources }));
}
