import "server-only";
import { db } from "../../db/client";
import type { TRole, TVisibility } from "../../domain/types";
import type { TWorkspaceRef } from "../authorize";

export interface TWorkspaceSettings {
  slug: string;
  title: string;
  description: string;
  visibility: TVisibility;
  version: number;
  role: TRole | null;
}

/** The workspace's settings as its readers may see them, with the version an edit must name. */
export async function getWorkspaceSettings(workspace: TWorkspaceRef, role: TRole | null): Promise<TWorkspaceSettings> {
  const { version } = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { version: true } });
  return { slug: workspace.slug, title: workspace.title, description: workspace.description, visibility: workspace.visibility, version, role };
}
