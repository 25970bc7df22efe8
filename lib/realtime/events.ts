/**
 * What the event stream sends. `change` messages carry ids only; a client fetches what it shows.
 * Shared by the server (hub) and the browser (hook), so it imports nothing server-side.
 */
import type { TEventEntity, TEventType } from "../domain/events";

export const EVENTS_CHANNEL = "stancemap_events";
export const PRESENCE_CHANNEL = "stancemap_presence";
/** A presence row older than this is someone who closed the page without saying so. */
export const PRESENCE_TTL_MS = 45_000;
export const PRESENCE_HEARTBEAT_MS = 20_000;

export interface TChangeMessage {
  id: string;
  type: TEventType;
  entityType: TEventEntity;
  entityId: string;
  /** Who made the change; null for changes the catalog keeps private to their actor (votes). */
  actorId: string | null;
  /** On `seminar.steered` only: the claim now in the spotlight (null when none). */
  claimId?: string | null;
}

export interface TPresenceEntry {
  userId: string;
  name: string;
  view: string;
  targetId: string | null;
}

export interface TPresenceMessage {
  here: TPresenceEntry[];
}

/** Sent when the reader's access changed: `ended` (the stream then closes) or a new role. */
export interface TAccessMessage {
  ended: boolean;
}
