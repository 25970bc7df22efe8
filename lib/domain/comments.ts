/**
 * Comments: who may do what with them, and how stored rows become threads. Pure, so the API, the
 * pages and the tests share one set of rules.
 */
import type { TRole } from "./types";

export const COMMENT_TARGET_TYPES = ["claim", "excerpt", "evidence"] as const;
export type TCommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

export interface TCommentTarget {
  type: TCommentTargetType;
  id: string;
}

/** A comment's body: at most this many characters after trimming. */
export const MAX_COMMENT_LENGTH = 5000;

/** Who is looking: a signed-in user (or nobody) with their role in the workspace (or none). */
export interface TCommentAccess {
  userId: string | null;
  role: TRole | null;
}

const MAY_COMMENT: ReadonlySet<TRole> = new Set(["OWNER", "EDITOR", "COMMENTER"]);
const MAY_MODERATE: ReadonlySet<TRole> = new Set(["OWNER", "EDITOR"]);

/** Members from COMMENTER up start threads and reply. */
export function mayComment(access: TCommentAccess): boolean {
  return access.userId !== null && access.role !== null && MAY_COMMENT.has(access.role);
}

/** Only its author edits a comment (and only while they may still comment). */
export function mayEditComment(access: TCommentAccess, comment: { authorId: string }): boolean {
  return mayComment(access) && comment.authorId === access.userId;
}

/** Its author deletes a comment; so does the workspace's owner (moderation). */
export function mayDeleteComment(access: TCommentAccess, comment: { authorId: string }): boolean {
  return mayEditComment(access, comment) || (access.userId !== null && access.role === "OWNER");
}

/** Whoever started the thread resolves or reopens it; so do editors and owners. */
export function mayResolveThread(access: TCommentAccess, root: { authorId: string }): boolean {
  if (!mayComment(access)) return false;
  return root.authorId === access.userId || (access.role !== null && MAY_MODERATE.has(access.role));
}

/** A stored comment as the thread builder needs it (newest data, dates as Date). */
export interface TCommentRow {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  /** For an imported comment: who wrote it originally (the importer is `authorId`). */
  importedAuthorName: string | null;
  body: string;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  resolvedAt: Date | null;
  resolvedById: string | null;
  resolvedByName: string | null;
}

export interface TCommentPerson {
  id: string;
  name: string;
}

export interface TCommentView {
  id: string;
  parentId: string | null;
  /** Null for a deleted comment kept as a placeholder because its thread has replies. */
  body: string | null;
  deleted: boolean;
  /** Null on a deleted placeholder. `importedBy` is set when the comment came in by an import. */
  author: (TCommentPerson & { importedBy?: string }) | null;
  createdAt: string;
  editedAt: string | null;
  version: number;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
}

export interface TCommentThread extends TCommentView {
  resolved: { at: string; by: TCommentPerson | null } | null;
  canResolve: boolean;
  canReply: boolean;
  replies: TCommentView[];
}

export interface TCommentList {
  target: TCommentTarget;
  threads: TCommentThread[];
  /** Live comments (thread starters and replies), deleted ones not counted. */
  count: number;
  /** Whether the viewer may start a thread or reply. */
  canComment: boolean;
}

function viewOf(row: TCommentRow, access: TCommentAccess): TCommentView {
  const deleted = row.deletedAt !== null;
  const mine = access.userId !== null && row.authorId === access.userId;
  return {
    id: row.id,
    parentId: row.parentId,
    body: deleted ? null : row.body,
    deleted,
    author: deleted
      ? null
      : row.importedAuthorName
        ? { id: row.authorId, name: row.importedAuthorName, importedBy: row.authorName }
        : { id: row.authorId, name: row.authorName },
    createdAt: row.createdAt.toISOString(),
    editedAt: deleted ? null : (row.editedAt?.toISOString() ?? null),
    version: row.version,
    mine,
    canEdit: !deleted && mayEditComment(access, row),
    canDelete: !deleted && mayDeleteComment(access, row),
  };
}

/**
 * Threads of one target from its stored comments (any order): roots oldest first, each with its
 * live replies oldest first. A deleted reply is left out; a deleted root stays as a placeholder
 * without its text or author while it has live replies, and is left out otherwise. Replies whose
 * root is missing are left out (they cannot be shown in a thread).
 */
export function buildThreads(rows: readonly TCommentRow[], access: TCommentAccess): TCommentThread[] {
  const byTime = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const replies = new Map<string, TCommentView[]>();
  for (const row of byTime) {
    if (row.parentId === null || row.deletedAt !== null) continue;
    const list = replies.get(row.parentId) ?? [];
    list.push(viewOf(row, access));
    replies.set(row.parentId, list);
  }
  const canReply = mayComment(access);
  return byTime.flatMap((row) => {
    if (row.parentId !== null) return [];
    const own = replies.get(row.id) ?? [];
    if (row.deletedAt !== null && own.length === 0) return [];
    const view = viewOf(row, access);
    return [
      {
        ...view,
        resolved: row.resolvedAt ? { at: row.resolvedAt.toISOString(), by: row.resolvedById ? { id: row.resolvedById, name: row.resolvedByName ?? "Someone" } : null } : null,
        canResolve: !view.deleted && mayResolveThread(access, row),
        canReply: !view.deleted && canReply,
        replies: own,
      },
    ];
  });
}

/** Live comments in threads as `buildThreads` shows them (placeholders not counted). */
export function countLive(threads: readonly TCommentThread[]): number {
  return threads.reduce((sum, t) => sum + (t.deleted ? 0 : 1) + t.replies.length, 0);
}

/** "1 comment", "3 comments". */
export function commentCount(n: number): string {
  return `${n.toLocaleString("en")} ${n === 1 ? "comment" : "comments"}`;
}
