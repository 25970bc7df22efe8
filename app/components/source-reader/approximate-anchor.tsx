import type { TAnchoring } from "@/lib/anchoring/anchor-quote";

/** "placed approximately — 87 % match" for a quote placed approximately; null for one placed exactly or after normalising. */
export function describeAnchoring(anchoring: TAnchoring | undefined): string | null {
  if (!anchoring || anchoring.method !== "fuzzy") return null;
  return `placed approximately — ${Math.round(anchoring.score * 100)} % match`;
}

/**
 * The note beside a quote that was placed approximately: its words are the source's, but the
 * quote it was found from differed, so a reader should check the passage is the one meant.
 */
export function ApproximateAnchor({ anchoring, className = "" }: { anchoring: TAnchoring | undefined; className?: string }) {
  const label = describeAnchoring(anchoring);
  if (!label) return null;
  return (
    <p data-testid="approximate-anchor" className={`text-xs text-amber-800 dark:text-amber-300 ${className}`}>
      <span aria-hidden="true">≈ </span>
      {label[0].toUpperCase() + label.slice(1)}
    </p>
  );
}
