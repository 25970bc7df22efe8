/** One entry of a workspace's change log, as the history API returns it and the history page shows it. */
export interface THistoryEvent {
  id: string;
  type: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string } | null;
  createdAt: string;
  before: unknown;
  after: unknown;
  /** Set when a later event undid this one. */
  undoneBy: string | null;
  /** Whether the viewer may undo it (their own change, or any change for owners). */
  undoable: boolean;
}
