/**
 * Every kind of Event, once. Each entry says what the event is about and how the rest of the app
 * treats it: whether open pages re-render on it, whether and how it can be undone, how the history
 * describes it, and whether the stream keeps its actor to itself. The writer (`record`), the
 * event stream, the live pages, the history and undo all read this table, so a new kind of change
 * is added here once and cannot miss one of them.
 */

/** What an event is about: the `entityType` stored with it. */
export type TEventEntity =
  | "workspace"
  | "claim"
  | "link"
  | "source"
  | "author"
  | "excerpt"
  | "evidence"
  | "position"
  | "comment"
  | "invite"
  | "member"
  | "vote"
  | "poll"
  | "seminar";

/**
 * How a change is undone: `delete` soft-deletes what was created, `restore` brings back what was
 * deleted, `revert` puts back the fields the change altered, `reorder` puts the claims back in
 * their earlier order, `split` takes a merged author's sources back. Undoing records a new event of the type given by `undoType`.
 */
export type TUndoKind = "delete" | "restore" | "revert" | "reorder" | "split";

export interface TEventSpec {
  entity: TEventEntity;
  /**
   * A quiet change does not re-render every open page (a room voting would cause a render per
   * page per vote); the components that show it fetch their own data.
   */
  quiet: boolean;
  /** Whether it changes a claim's vote tally (the tally and the projected poll fetch again). */
  tally: boolean;
  /** How it is undone, or null when it cannot be. */
  undo: TUndoKind | null;
  /** How the history names it ("added the claim"), or null when the history leaves it out. */
  history: string | null;
  /** The event stream sends it without its actor: who voted is theirs to know. */
  privateActor: boolean;
}

const change = (entity: TEventEntity, history: string, undo: TUndoKind | null = null): TEventSpec => ({ entity, quiet: false, tally: false, undo, history, privateActor: false });
const vote = (entity: TEventEntity): TEventSpec => ({ entity, quiet: true, tally: true, undo: null, history: null, privateActor: true });
/** Seminar traffic: seen live, left out of the history (the map did not change). */
const traffic = (entity: TEventEntity): TEventSpec => ({ entity, quiet: false, tally: false, undo: null, history: null, privateActor: false });

export const EVENT_CATALOG = {
  "workspace.created": change("workspace", "created the workspace"),
  "workspace.imported": change("workspace", "imported the map from a file"),
  "workspace.seeded": change("workspace", "seeded the workspace"),

  "claim.created": change("claim", "added the claim", "delete"),
  "claim.updated": change("claim", "changed the claim", "revert"),
  "claim.deleted": change("claim", "deleted the claim", "restore"),
  "claim.restored": change("claim", "restored the claim"),
  "claims.reordered": change("workspace", "reordered the claims", "reorder"),

  "link.created": change("link", "added a link between claims", "delete"),
  "link.deleted": change("link", "deleted a link between claims", "restore"),
  "link.restored": change("link", "restored a link between claims"),

  "author.created": change("author", "added an author"),
  "author.updated": change("author", "changed an author", "revert"),
  "author.merged": change("author", "merged two authors", "split"),
  "author.split": change("author", "took a merged author's sources back"),

  "source.created": change("source", "added a source"),
  "source.updated": change("source", "changed a source", "revert"),
  "source.deleted": change("source", "deleted a source", "restore"),
  "source.restored": change("source", "restored a source"),

  "excerpt.created": change("excerpt", "added a passage", "delete"),
  "excerpt.deleted": change("excerpt", "deleted a passage", "restore"),
  "excerpt.restored": change("excerpt", "restored a passage"),
  "excerpt.reattached": change("excerpt", "re-attached a passage to the text", "revert"),
  "excerpt.updated": change("excerpt", "moved a passage back where it was"),

  "evidence.created": change("evidence", "linked a passage to a claim", "delete"),
  "evidence.updated": change("evidence", "changed an evidence link", "revert"),
  "evidence.deleted": change("evidence", "unlinked a passage from a claim", "restore"),
  "evidence.restored": change("evidence", "restored an evidence link"),

  "position.created": change("position", "set a position by hand", "delete"),
  "position.updated": change("position", "changed a position set by hand", "revert"),
  "position.deleted": change("position", "cleared a position set by hand", "restore"),
  "position.restored": change("position", "restored a position set by hand"),

  "comment.created": change("comment", "commented"),
  "comment.updated": change("comment", "edited a comment"),
  "comment.deleted": change("comment", "deleted a comment"),
  "comment.resolved": change("comment", "resolved a thread"),
  "comment.reopened": change("comment", "reopened a thread"),

  "invite.created": change("invite", "added an invite link"),
  "member.joined": change("member", "joined the workspace"),
  "member.updated": change("member", "changed a member's role"),

  "vote.cast": vote("vote"),
  "vote.withdrawn": vote("vote"),
  "poll.ballot": vote("poll"),
  "poll.opened": traffic("poll"),
  "poll.closed": traffic("poll"),
  "poll.revealed": traffic("poll"),
  "poll.hidden": traffic("poll"),

  "seminar.started": change("seminar", "started a live session"),
  "seminar.ended": change("seminar", "ended the live session"),
  "seminar.locked": change("seminar", "locked editing for the live session"),
  "seminar.unlocked": change("seminar", "unlocked editing"),
  "seminar.steered": traffic("seminar"),
} as const satisfies Record<string, TEventSpec>;

export type TEventType = keyof typeof EVENT_CATALOG;
export type TEntityOf<K extends TEventType> = (typeof EVENT_CATALOG)[K]["entity"];

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as TEventType[];

/** The spotlight moving: its message carries the claim, so followers move without a fetch. */
export const STEERED_EVENT = "seminar.steered" satisfies TEventType;

export function isEventType(type: string): type is TEventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}

/** The catalog entry of a stored type; null for a type this version does not know. */
export function eventSpec(type: string): TEventSpec | null {
  return isEventType(type) ? EVENT_CATALOG[type] : null;
}

export function eventTypesWhere(test: (spec: TEventSpec, type: TEventType) => boolean): TEventType[] {
  return EVENT_TYPES.filter((type) => test(EVENT_CATALOG[type], type));
}

/** The event an undo of `type` records: `claim.created` → `claim.deleted`, `claim.updated` → `claim.updated`. */
export function undoTypeOf(type: TEventType): TEventType | null {
  const spec: TEventSpec = EVENT_CATALOG[type];
  if (!spec.undo) return null;
  const prefix = type.slice(0, type.indexOf("."));
  const verb = { delete: "deleted", restore: "restored", revert: "updated", reorder: "reordered", split: "split" }[spec.undo];
  const undoType = `${prefix}.${verb}`;
  return isEventType(undoType) ? undoType : null;
}
