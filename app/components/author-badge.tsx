/**
 * Each author keeps one accent colour everywhere, picked by their place in publication order.
 * The palette avoids the three stance colours so an accent is never read as a stance.
 */
const ACCENTS = ["#0072b2", "#e69f00", "#56b4e9", "#6b7280", "#6366f1", "#a18a00", "#1e3a8a", "#8b5e34"];

/** For an author missing from the ordering (it should not happen, but a grey dot is harmless). */
export const FALLBACK_ACCENT = "#6b7280";

export function accentFor(index: number): string {
  return ACCENTS[((index % ACCENTS.length) + ACCENTS.length) % ACCENTS.length];
}

/** Accent colours for authors given in publication order. */
export function accentMap(orderedAuthorIds: readonly string[]): Map<string, string> {
  return new Map(orderedAuthorIds.map((id, index) => [id, accentFor(index)]));
}

export function AuthorDot({ accent, className = "size-2.5" }: { accent: string; className?: string }) {
  return <span aria-hidden="true" className={`inline-block shrink-0 rounded-full ${className}`} style={{ backgroundColor: accent }} />;
}

/** An author's name with their accent dot; the full name stays available as a tooltip. */
export function AuthorBadge({ name, label, accent, className = "" }: { name: string; label?: string; accent: string; className?: string }) {
  return (
    <span className={`inline-flex min-w-0 items-center gap-1.5 ${className}`} title={name}>
      <AuthorDot accent={accent} />
      <span className="break-words">{label ?? name}</span>
    </span>
  );
}
