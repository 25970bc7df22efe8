import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { orderAuthors } from "@/lib/domain/matrix";
import { isLockedOut } from "@/lib/domain/seminar";
import type { TRole } from "@/lib/domain/types";
import { AppError } from "@/lib/errors/app-error";
import { ZIdSchema, ZSlugSchema } from "@/lib/schemas/params";
import { authorize, isAllowed } from "@/lib/server/authorize";
import { getClaim } from "@/lib/server/claims/get-claim";
import { listClaimOptions } from "@/lib/server/claims/list-claims";
import { describeEntity } from "@/lib/server/history/describe-entity";
import { getSource } from "@/lib/server/sources/get-source";
import { getTimeline } from "@/lib/server/timeline/get-timeline";
import { getViewer } from "@/lib/server/viewer";
import { getWorkspaceOverview, type TWorkspaceOverview } from "@/lib/server/workspaces/get-workspace-overview";
import { findMovedWorkspace } from "@/lib/server/workspaces/find-moved-workspace";

/** Runs `work`; a NOT_FOUND from the data layer becomes Next's 404 page. */
async function orNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * The workspace a page is about, checked for reading, with what the viewer may do in it — before
 * the coding-round gate: for the layout and the round's own pages, which show nothing of the map.
 * Cached per request so the layout, the page and its metadata share one query.
 */
export const loadRoundAccess = cache(async (slug: string) => {
  if (!ZSlugSchema.safeParse(slug).success) notFound();
  const viewer = await getViewer();
  // The newest event is read with the access check, before anything the page shows (every page
  // comes through here first, and this is cached for the request): the page's event stream starts
  // after it, so nothing committed in between is missed.
  const { workspace, role, seminar, blindRoundId, newestEventId } = await orNotFound(async () => {
    try {
      return await authorize(viewer, slug, "read", { withNewestEvent: true });
    } catch (error) {
      // An old address leads to the workspace's new one — for those who may read it there.
      const moved = error instanceof AppError && error.code === "NOT_FOUND" ? await findMovedWorkspace(slug) : null;
      if (moved) {
        await authorize(viewer, moved, "read");
        redirect(`/w/${moved}`);
      }
      throw error;
    }
  });
  const since = newestEventId ?? "0";
  return {
    workspace,
    /** The newest event when the page was read: where its live updates start. */
    since,
    role,
    signedIn: viewer !== null,
    userId: viewer?.userId ?? null,
    /** Editing controls are rendered only for roles that may edit; the API checks again. */
    canEdit: isAllowed(role, workspace.visibility, "edit"),
    /** Commenting and voting. */
    canComment: isAllowed(role, workspace.visibility, "comment"),
    /** Whether a live session is running (known from the same query). */
    seminarLive: seminar !== null,
    /** A live session has locked editing for everyone but its facilitator (the API answers 423). */
    lockedOut: viewer !== null && isLockedOut(seminar, viewer.userId),
    /** An open coding round the viewer takes part in and has not finished. */
    blindRoundId,
  };
});

/**
 * The workspace a page of the map is about (`loadRoundAccess`). A participant who has not
 * finished an open coding round is taken to it: the map's evidence stays hidden until they have
 * answered every item.
 */
export async function loadAccess(slug: string) {
  const access = await loadRoundAccess(slug);
  if (access.blindRoundId) redirect(`/w/${access.workspace.slug}/rounds/${access.blindRoundId}`);
  return access;
}

export const loadWorkspace = cache(async (slug: string) => (await loadAccess(slug)).workspace);

/** A path id that is not a UUID cannot name anything: 404 rather than a database error. */
export function parseId(id: string): string {
  const parsed = ZIdSchema.safeParse(id);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * A claim with its comment threads, flagged with what the viewer (`userId` with `role`; nobody by
 * default) may do in them.
 */
export const loadClaim = cache((workspaceId: string, claimId: string, userId: string | null = null, role: TRole | null = null) =>
  orNotFound(() => getClaim(workspaceId, claimId, { userId, role })),
);

export const loadSource = cache((workspaceId: string, sourceId: string) => orNotFound(() => getSource(workspaceId, sourceId)));

export const loadOverview = cache((workspaceId: string) => getWorkspaceOverview(workspaceId));

/** Authors in the matrix's column order, derived from the overview so accents match everywhere. */
export function authorOrder(overview: TWorkspaceOverview): string[] {
  const byAuthor = new Map<string, { id: string; name: string; shortName: string; published: string[] }>();
  for (const source of overview.sources) {
    const entry = byAuthor.get(source.author.id) ?? { ...source.author, published: [] };
    entry.published.push(source.published);
    byAuthor.set(source.author.id, entry);
  }
  return orderAuthors([...byAuthor.values()]).map((a) => a.id);
}

/**
 * Every live claim's id and text in matrix order: what an editor can attach a passage to. (A
 * light query of its own — the matrix would also resolve every author's position.)
 */
export const loadClaimOptions = cache((workspaceId: string) => listClaimOptions(workspaceId));

export const loadEntityLabel = cache((workspaceId: string, entityId: string) => describeEntity(workspaceId, entityId));

/** The timeline of one claim (404 when it is not in the workspace), or of the first `rows` claims. */
export const loadTimeline = cache((workspaceId: string, claimId: string | null, rows: number) =>
  orNotFound(() => getTimeline(workspaceId, claimId ? { claimId } : { window: { offset: 0, limit: rows } })),
);
