import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import type { TRole, TVisibility } from "../../domain/types";
import type { TViewer } from "../authorize";

export interface TWorkspaceListItem {
  slug: string;
  title: string;
  visibility: TVisibility;
  role: TRole | null;
}

/** The workspaces the viewer may read: public ones and those they are a member of. */
export async function listWorkspaces(viewer: TViewer | null): Promise<TWorkspaceListItem[]> {
  const rows = await db().workspace.findMany({
    where: { ...liveWhere.workspace, OR: [{ visibility: "PUBLIC" }, ...(viewer ? [{ members: { some: { userId: viewer.userId } } }] : [])] },
    select: { slug: true, title: true, visibility: true, members: viewer ? { where: { userId: viewer.userId }, select: { role: true } } : false },
    orderBy: { title: "asc" },
  });
  return rows.map((w) => ({ slug: w.slug, title: w.title, visibility: w.visibility, role: (w.members?.[0]?.role ?? null) as TRole | null }));
}
