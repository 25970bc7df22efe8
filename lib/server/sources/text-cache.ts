/**
 * A bounded, least-recently-used memory of source texts, each filed under the stamp of the row
 * version it was read from. A stamp that no longer matches the database is simply a miss: the
 * cache never decides what is current, the database does.
 */
export class TextCache {
  private readonly entries = new Map<string, { stamp: string; text: string }>();
  private size = 0;

  /** @param maxChars total characters kept; the oldest-used texts are dropped beyond it. */
  constructor(private readonly maxChars: number) {}

  /** The stamp of what is held for `id`, or null. */
  stampOf(id: string): string | null {
    return this.entries.get(id)?.stamp ?? null;
  }

  /** The text held for `id` when it was read at `stamp`; marks it recently used. */
  get(id: string, stamp: string): string | null {
    const entry = this.entries.get(id);
    if (!entry || entry.stamp !== stamp) return null;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.text;
  }

  /** Holds `text` for `id` at `stamp`, replacing an older stamp's text. */
  set(id: string, stamp: string, text: string): void {
    this.delete(id);
    if (text.length > this.maxChars) return;
    this.entries.set(id, { stamp, text });
    this.size += text.length;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(oldest);
      this.size -= entry.text.length;
    }
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.size -= entry.text.length;
  }

  /** Characters held (for tests and diagnostics). */
  get chars(): number {
    return this.size;
  }
}
