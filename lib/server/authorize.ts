import "server-only";
/**
 * The one authorization function. Every route handler, page and (later) server action and event
 * stream asks it. A workspace the viewer may not read is reported as not found, so its existence
 * is not revealed; one they may read but not change answers 403.
 */
import { AppError, notFound } from "../errors/app-error";
import type { TRole, TVisibility } from "../domain/types";
import { hotRows, Prisma } from "../db/client";
import { liveSql } from "../db/live-rows";
import { isLockedOut, LOCKED_MESSAGE } from "../domain/seminar";

export type TAction = "read" | "comment" | "edit" | "admin";

export interface TViewer {
  userId: string;
  /** How the viewer proved who they are: a session cookie (browser) or an API token (script). */
  via: "session" | "token";
  /** For a token: `read` may only read; `write` may also change (a session may do both). */
  scope?: "read" | "write";
  /**
   * The token or session the request came with, and when it expires (ms since the epoch; null:
   * never): an open event stream ends when it expires or is revoked (`checkReadAccess`).
   */
  credential?: { kind: "token" | "session"; id: string; expiresAt: number | null };
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

/** What `authorize` decides on: the workspace (null when there is no live one) and the viewer's place in it. */
export type TAccessRow = TWorkspaceRef & { role: TRole | null; locked: boolean | null; facilitatorId: string | null; blindRoundId: string | null; newestEventId?: string };

/** What `authorize` answers. */
export interface TAccess {
  workspace: TWorkspaceRef;
  role: TRole | null;
  seminar: TSeminarLock | null;
  blindRoundId: string | null;
  /** The workspace's newest event id (0 when none), when asked for (`withNewestEvent`). */
  newestEventId?: string;
}

/**
 * The one statement `authorize` decides on: the workspace, the membership of the user `userId`
 * names (a parameter, or a column of a statement this is part of), the live session's lock and an
 * open round the viewer has yet to finish. One round trip: this runs on every request. A page
 * also asks for the newest event id (`withNewestEvent`): its live updates start after it.
 */
export function accessSql(userId: Prisma.Sql, slug: string, withNewestEvent = false): Prisma.Sql {
  const newest = withNewestEvent ? Prisma.sql`(select coalesce(max(ev.id), 0)::text from "Event" ev where ev."workspaceId" = w.id) as "newestEventId",` : Prisma.empty;
  return Prisma.sql`
    select ${newest} w.id::text as id, w.slug, w.title, w.description, w.visibility::text as visibility, m.role::text as role,
      s.locked, s."facilitatorId"::text as "facilitatorId",
      case when m.role in ('COMMENTER', 'EDITOR') then (
        select r.id::text from "Round" r
        where r."workspaceId" = w.id and r."closedAt" is null and r."facilitatorId" <> m."userId"
          and (select count(*) from "RoundAnswer" a where a."roundId" = r.id and a."userId" = m."userId")
            < (select count(*) from "RoundItem" i where i."roundId" = r.id)
        order by r."createdAt", r.id limit 1) end as "blindRoundId"
    from "Workspace" w
    left join "Member" m on m."workspaceId" = w.id and m."userId" = ${userId}
    left join "Seminar" s on s."workspaceId" = w.id and s."endedAt" is null
    where w.slug = ${slug} and ${liveSql.workspace("w")}`;
}

/**
 * Loads the workspace by slug and checks `action` for `viewer`; returns it with the viewer's role.
 * An "edit" while a live session is locked by someone else is refused with 423. `blindRoundId` is
 * the open coding round the viewer takes part in and has not finished (see `isRoundParticipant`):
 * until they finish it, the map's reads are closed to them (`readRoute`, the pages' `loadAccess`).
 */
export async function authorize(viewer: TViewer | null, slug: string, action: TAction, options: { withNewestEvent?: boolean } = {}): Promise<TAccess> {
  return decideAccess(await readAccessRow(viewer?.userId ?? null, slug, options.withNewestEvent), viewer, action);
}

/** `authorize`'s row for the user (null: anonymous) and slug; null when there is no such live workspace. */
export async function readAccessRow(userId: string | null, slug: string, withNewestEvent = false): Promise<TAccessRow | null> {
  return (await hotRows<TAccessRow>(accessSql(Prisma.sql`${userId}::uuid`, slug, withNewestEvent)))[0] ?? null;
}

/** `authorize`'s decision on its row (null: no such live workspace), for a caller that read the row in a statement of its own. */
export function decideAccess(row: TAccessRow | null, viewer: TViewer | null, action: TAction): TAccess {
  if (!row) throw notFound("Workspace");
  const { role, locked, facilitatorId, blindRoundId, newestEventId, ...workspace } = row;
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
  return { workspace, role, seminar, blindRoundId, ...(newestEventId === undefined ? {} : { newestEventId }) };
}

/**
 * Who answers a coding round: members who may comment, other than those who run it — its
 * facilitator and the workspace's owners (who may close it and see its progress).
 */
export function isRoundParticipant(role: TRole | null, userId: string | null, facilitatorId: string): boolean {
  return userId !== null && userId !== facilitatorId && (role === "COMMENTER" || role === "EDITOR");
}

/** The message a map read answers with (423) while the viewer has an open round to finish. */
export function blindMessage(slug: string, roundId: string): string {
  return `A coding round you take part in is open: the map stays hidden until you have answered every item. Answer them at /w/${slug}/rounds/${roundId}.`;
}
