import type { TArgumentGraph, TGraphDetail, TGraphScope } from "../domain/argument-graph";
import type { TPositionStance } from "../domain/types";

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

/** What a drawing holds besides its claims: passages and their authors, and links between claims. */
export interface TGraphCounts {
  excerpts: number;
  authors: number;
  links: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * The part of the map drawn and what it holds, in a sentence: "Showing the whole map: 14 claims,
 * 63 passages from 5 authors, 6 links between claims." (the graph page and the graph picture).
 */
export function describeGraphScope(scope: TGraphScope, counts: TGraphCounts): string {
  const shown = scope.claimIds.length;
  const what =
    scope.detail === "excerpts"
      ? `${count(shown, "claim")}, ${count(counts.excerpts, "passage")} from ${count(counts.authors, "author")}, ${count(counts.links, "link")} between claims`
      : scope.detail === "authors"
        ? `${count(shown, "claim")} with each author’s evidence counted in one node`
        : `${count(shown, "claim")} and the links between them`;
  const focus = scope.focus;
  if (focus.kind === "claim") return focus.text === null ? "That claim is not in this map (it may have been deleted)." : `Showing “${trim(focus.text, 90)}” and the claims linked to it: ${what}.`;
  if (focus.kind === "tag") return `Showing the claims tagged #${focus.tag}: ${shown === 0 ? "none" : what}.`;
  return `Showing the whole map: ${what}.`;
}

/** Why less than every passage is drawn, when the focus holds more than the node limit; null otherwise. */
export function describeGraphCap(scope: TGraphScope): string | null {
  if (scope.detail === "excerpts") return null;
  const drawn =
    scope.detail === "authors"
      ? "Each author’s passages on a claim are drawn as one node with their count."
      : scope.claimIds.length < scope.focusClaims
        ? `Only the first ${scope.claimIds.length.toLocaleString("en")} claims and their links are drawn.`
        : "Only the claims and their links are drawn.";
  return `${scope.focusClaims.toLocaleString("en")} claims with ${scope.focusEvidence.toLocaleString("en")} evidence links are more than the graph can draw one passage at a time (it draws up to ${scope.limit.toLocaleString("en")} nodes). ${drawn}`;
}

/** What a drawing holds, node by node: the graph picture says it in its caption and in a header. */
export interface TDrawnCount {
  nodes: number;
  claims: number;
  passages: number;
  /** Nodes that each count an author's passages on a claim ("authors" detail). */
  authorCounts: number;
  /** How much is drawn per claim; less than every passage ("authors", "claims") is folded. */
  detail: TGraphDetail;
}

/** Counts the nodes of a drawing by kind. */
export function countDrawn(view: TArgumentGraph): TDrawnCount {
  const of = (kind: TArgumentGraph["nodes"][number]["kind"]) => view.nodes.filter((n) => n.kind === kind).length;
  return { nodes: view.nodes.length, claims: of("claim"), passages: of("excerpt"), authorCounts: of("position"), detail: view.detail };
}

/** "6,000 nodes drawn: 1,000 claims and 5,000 passages." */
export function describeDrawn(drawn: TDrawnCount): string {
  const parts = [count(drawn.claims, "claim")];
  if (drawn.passages > 0) parts.push(count(drawn.passages, "passage"));
  if (drawn.authorCounts > 0) parts.push(count(drawn.authorCounts, "author count"));
  return `${count(drawn.nodes, "node")} drawn: ${parts.join(" and ")}${drawn.detail === "excerpts" ? "" : " (passages folded)"}.`;
}
