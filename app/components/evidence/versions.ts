/**
 * Versions this tab has learned for evidence and hand-set positions, from its own writes' answers
 * and from 409s, between page refreshes. An edit is sent with the newest version known (the page's
 * or this tab's); see `basedOnShown` for a 409 about a state the person already saw.
 */
const known = new Map<string, number>();

export function rememberVersion(id: string, version: unknown): void {
  if (typeof version === "number" && Number.isInteger(version)) known.set(id, version);
}

/** The version to send: the newest of what this tab learned and what the page gave, else 1. */
export function versionFor(id: string, fromPage?: number | null): number {
  return Math.max(known.get(id) ?? 0, fromPage ?? 0) || 1;
}

/**
 * After a 409: is the current state what the person saw when they decided? Then only our copy of
 * the version was stale (e.g. a change that was undone), and sending the edit again with the current
 * version overwrites nothing they have not seen. Otherwise they must look at the conflict.
 */
export function basedOnShown<T extends object>(current: unknown, shown: T): current is T & { version: number } {
  if (!current || typeof current !== "object") return false;
  const row = current as Record<string, unknown>;
  if (typeof row.version !== "number" || row.deletedAt) return false;
  return Object.entries(shown).every(([key, value]) => (row[key] ?? null) === (value ?? null));
}
