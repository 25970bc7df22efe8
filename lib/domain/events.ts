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
  | "seminar"
  | "round";

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
  /**
   * Who joined, left or holds which role, and the invite links: owners' business. The history and
   * the event stream leave these out for everyone else.
   */
  ownersOnly: boolean;
  /**
   * It may change who can read the workspace (a role, a removal, the visibility, a delete): every
   * open event stream of the workspace checks its reader's access again at once.
   */
  access: boolean;
}

const change = (entity: TEventEntity, history: string, undo: TUndoKind | null = null): TEventSpec => ({ entity, quiet: false, tally: false, undo, history, privateActor: false, ownersOnly: false, access: false });
const vote = (entity: TEventEntity): TEventSpec => ({ entity, quiet: true, tally: true, undo: null, history: null, privateActor: true, ownersOnly: false, access: false });
/** A coding round's answers: as private as a vote, but no claim's tally changes. */
const answer = (entity: TEventEntity): TEventSpec => ({ ...vote(entity), tally: false });
/** Seminar traffic: seen live, left out of the history (the map did not change). */
const traffic = (entity: TEventEntity): TEventSpec => ({ entity, quiet: false, tally: false, undo: null, history: null, privateActor: false, ownersOnly: false, access: false });
/** A change to the workspace itself that may change who can read it. */
const setting = (history: string): TEventSpec => ({ ...change("workspace", history), access: true });
/** Membership and invite links: in the owners' history only; membership changes re-check access. */
const membership = (entity: TEventEntity, history: string, access: boolean): TEventSpec => ({ ...change(entity, history), ownersOnly: true, access });

export const EVENT_CATALOG = {
  "workspace.created": change("workspace", "created the workspace"),
  "workspace.imported": change("workspace", "imported the map from a file"),
  "workspace.seeded": change("workspace", "seeded the workspace"),
  "workspace.updated": setting("changed the workspace's settings"),
  "workspace.deleted": setting("deleted the workspace"),
  "workspace.restored": setting("restored the workspace"),
  "workspace.transferred": membership("workspace", "handed over ownership", true),

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

  "invite.created": membership("invite", "added an invite link", false),
  "invite.revoked": membership("invite", "withdrew an invite link", false),
  "member.joined": membership("member", "joined the workspace", true),
  "member.updated": membership("member", "changed a member's role", true),
  "member.removed": membership("member", "removed a member", true),
  "member.left": membership("member", "left the workspace", true),

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

  "round.created": change("round", "started a coding round"),
  // A participant's answers: quiet (only the round's own views fetch again), without the actor on
  // the stream and out of the history, and recorded with a count only, never the answers.
  "round.answered": answer("round"),
  "round.closed": change("round", "closed a coding round"),
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
