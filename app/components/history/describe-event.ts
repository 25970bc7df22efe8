/** Turns a history event into words: what was done, and what changed from before to after. */

import { eventSpec } from "@/lib/domain/events";
import type { THistoryEvent } from "@/lib/domain/history";
import { STANCE_LABEL } from "../stance";

export type { THistoryEvent };

export interface TChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** "changed the claim", "added a passage", "reordered the claims": the catalog's words for the change. */
export function describeAction(event: Pick<THistoryEvent, "type" | "entityType">): string {
  return eventSpec(event.type)?.history ?? `made a change (${event.type})`;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

const FIELD_LABEL: Record<string, string> = {
  text: "Text",
  tags: "Tags",
  stance: "Stance",
  voice: "Voice",
  note: "Note",
  exact: "Passage",
  relation: "Relation",
  title: "Title",
  name: "Name",
  shortName: "Short name",
  affiliation: "Affiliation",
  publication: "Publication",
  publishedOn: "Published",
  publishedNote: "Note on the date",
  url: "Address",
  revision: "Text",
  body: "Comment",
  role: "Role",
  description: "Description",
  visibility: "Visibility",
  slug: "Address",
};

const ROLE_WORD: Record<string, string> = { OWNER: "Owner", EDITOR: "Editor", COMMENTER: "Commenter", VIEWER: "Viewer" };
const VISIBILITY_WORD: Record<string, string> = { PRIVATE: "Private", LINK: "Anyone with the link", PUBLIC: "Public" };

function show(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (field === "stance" || field === "relation") return STANCE_LABEL[value as keyof typeof STANCE_LABEL] ?? String(value);
  if (field === "role") return ROLE_WORD[String(value)] ?? String(value);
  if (field === "visibility") return VISIBILITY_WORD[String(value)] ?? String(value);
  if (field === "voice") return value === "REPORTED" ? "Reported view" : "Author’s own view";
  if (field === "tags" && Array.isArray(value)) return value.length ? value.map((t) => `#${t}`).join(" ") : null;
  if (field === "publishedOn" && typeof value === "string") return value.slice(0, 10);
  // A source's revised text is kept as a revision, not in the event: say that it changed.
  if (field === "revision") return `revised (now ${Number(record(value).length ?? 0).toLocaleString("en")} characters)`;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields people care about that differ between before and after (all of them for a create or delete). */
export function describeChanges(event: Pick<THistoryEvent, "before" | "after" | "type">): TChange[] {
  const before = record(event.before);
  const after = record(event.after);
  const verb = event.type.split(".")[1];
  // A deleted comment's words stay out of the log's display, as they are out of its thread.
  if (event.type === "comment.deleted") return [];
  if (event.type === "workspace.transferred") {
    const to = record(record(event.after).to).name;
    const from = record(record(event.after).from).name;
    return [
      { field: "New owner", before: null, after: show("name", to) },
      { field: "Previous owner, now editor", before: null, after: show("name", from) },
    ];
  }
  // Whose membership changed: the member's name, whatever else changed.
  const member = event.type.startsWith("member.") ? [{ field: "Member", before: null, after: show("name", after.name ?? before.name) }] : [];
  return [...member, ...Object.keys(FIELD_LABEL).flatMap((field) => {
    if (member.length > 0 && field === "name") return [];
    if (!(field in before) && !(field in after)) return [];
    const from = show(field, before[field]);
    const to = show(field, after[field]);
    if (verb !== "created" && verb !== "restored" && verb !== "deleted" && from === to) return [];
    if (verb === "created" || verb === "restored") return to === null ? [] : [{ field: FIELD_LABEL[field], before: null, after: to }];
    if (verb === "deleted") return from === null ? [] : [{ field: FIELD_LABEL[field], before: from, after: null }];
    return [{ field: FIELD_LABEL[field], before: from, after: to }];
  })];
}

/** The claim an event concerns, when its rows name one (evidence, positions, links). */
export function claimIdOf(event: Pick<THistoryEvent, "before" | "after" | "entityType" | "entityId">): string | null {
  if (event.entityType === "claim") return event.entityId;
  const row = { ...record(event.before), ...record(event.after) };
  return typeof row.claimId === "string" ? row.claimId : null;
}

export function undoOf(event: Pick<THistoryEvent, "after">): string | null {
  const value = record(event.after).undoOf;
  return typeof value === "string" ? value : null;
}
