import "server-only";
/**
 * The one authorization function. Every route handler, page and (later) server action and event
 * stream asks it. A workspace the viewer may not read is reported as not found, so its existence
 * is not revealed; one they may read but not change answers 403.
 */
import { AppError, notFound } from "../errors/app-error";
import type { TRole, TVisibility } from "../domain/types";
import { db } from "../db/client";
import { liveSql } from "../db/live-rows";
import { isLockedOut, LOCKED_MESSAGE } from "../domain/seminar";

export type TAction = "read" | "comment" | "edit" | "admin";

export interface TViewer {
  userId: string;
  /** How the viewer proved who they are: a session cookie (browser) or an API token (script). */
  via: "session" | "token";
  /** For a token: `read` may only read; `write` may also change (a session may do both). */
  scope?: "read" | "write";
}

export interface TWorkspaceRef {
  id: string;
  slug: string;
  title: string;
  description: string;
  visibility: TVisibility;
}

const ROLE_CAN: Record<TRole, ReadonlySet<TAction>> = {
  OWNER: new Set(["read", "comment", "edit", "admin"]),
  EDITOR: new Set(["read", "comment", "edit"]),
  COMMENTER: new Set(["read", "comment"]),
  VIEWER: new Set(["read"]),
};

/** Pure rule: may someone with `role` (or none) do `action` in a workspace of `visibility`? */
export function isAllowed(role: TRole | null, visibility: TVisibility, action: TAction): boolean {
  if (role) return ROLE_CAN[role].has(action);
  return action === "read" && (visibility === "PUBLIC" || visibility === "LINK");
}

/** The live seminar session's editing lock, when one is running. */
export interface TSeminarLock {
  locked: boolean;
  facilitatorId: string;
}

/**
 * Loads the workspace by slug and checks `action` for `viewer`; returns it with the viewer's role.
 * An "edit" while a live session is locked by someone else is refused with 423.
 */
export async function authorize(viewer: TViewer | null, slug: string, action: TAction): Promise<{ workspace: TWorkspaceRef; role: TRole | null; seminar: TSeminarLock | null }> {
  // One round trip for the workspace, the viewer's membership and the live session's lock: this
  // runs on every request.
  const rows = await db().$queryRaw<(TWorkspaceRef & { role: TRole | null; locked: boolean | null; facilitatorId: string | null })[]>`
    select w.id::text as id, w.slug, w.title, w.description, w.visibility::text as visibility, m.role::text as role,
      s.locked, s."facilitatorId"::text as "facilitatorId"
    from "Workspace" w
    left join "Member" m on m."workspaceId" = w.id and m."userId" = ${viewer?.userId ?? null}::uuid
    left join "Seminar" s on s."workspaceId" = w.id and s."endedAt" is null
    where w.slug = ${slug} and ${liveSql.workspace("w")}`;
  if (rows.length === 0) throw notFound("Workspace");
  const { role, locked, facilitatorId, ...workspace } = rows[0];
  const seminar = facilitatorId ? { locked: locked === true, facilitatorId } : null;
  if (!isAllowed(role, workspace.visibility, "read")) throw notFound("Workspace");
  if (!isAllowed(role, workspace.visibility, action)) {
    const message = role
      ? `Your role (${role.toLowerCase()}) may not ${action} in this workspace.`
      : viewer
        ? "You are not a member of this workspace; ask its owner for an invite link."
        : "Sign in to make changes.";
    throw new AppError("FORBIDDEN", message);
  }
  if (action === "edit" && viewer && isLockedOut(seminar, viewer.userId)) throw new AppError("LOCKED", LOCKED_MESSAGE);
  return { workspace, role, seminar };
}
