import type { TPositionStance } from "@/lib/domain/types";

/** Wording shared by the graph canvas (client) and its text alternative (server). */

/** "2 support, 1 opposes, 2 silent." — the authors' positions on a claim in words. */
export function stanceSummary(claim: { stances: Record<TPositionStance, number> }): string {
  const parts = (
    [
      ["SUPPORTS", "support", "supports"],
      ["OPPOSES", "oppose", "opposes"],
      ["MIXED", "mixed", "mixed"],
      ["QUALIFIES", "qualify", "qualifies"],
      ["SILENT", "silent", "silent"],
    ] as const
  )
    .filter(([stance]) => claim.stances[stance] > 0)
    .map(([stance, many, one]) => `${claim.stances[stance]} ${claim.stances[stance] === 1 ? one : many}`);
  return parts.length ? `${parts.join(", ")}.` : "No authors yet.";
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
export function trim(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  // Keep the whole cut when it ends at a word's end; otherwise back up to the last space.
  const kept = flat[max - 1] === " " || space <= max * 0.6 ? cut : cut.slice(0, space);
  return `${kept.replace(/[\s,;:.–—-]+$/, "")}…`;
}
