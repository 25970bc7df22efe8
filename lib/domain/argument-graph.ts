import { controversyOf, type TControversy } from "./controversy";
import { indexMapGraph, type TMapGraph } from "./map-graph";
import type { TPublished } from "./dates";
import { POSITION_STANCES, type TLinkRelation, type TPositionStance, type TStance, type TVoice } from "./types";

/**
 * The argument graph view model: claims, the excerpts that are evidence for them (grouped by
 * author) and the links between claims, as nodes and edges a graph library can draw. Pure: it
 * reads the canonical map model and knows nothing of layout or pixels.
 */

/**
 * The most nodes the graph view draws at once. A browser pans a thousand simple nodes smoothly;
 * beyond that the view shows less detail or a part of the map, and says so.
 */
export const GRAPH_NODE_LIMIT = 1000;

/**
 * The most nodes the graph picture (the SVG and PNG export) draws: every claim and every passage
 * up to this many, laid out without ELK (lib/graph/cluster-layout.ts) beyond the page's limit;
 * past it the picture folds as the page does, and says so.
 */
export const GRAPH_PICTURE_NODE_LIMIT = 6000;

/**
 * How much the graph shows for each claim: every excerpt as its own node; one node per author
 * with a count (when excerpts would be too many); or the claims and their links only.
 */
export type TGraphDetail = "excerpts" | "authors" | "claims";

// ---------------------------------------------------------------- what to show

/** Enough about a map to decide what the graph can show, without reading any excerpt. */
export interface TGraphOutline {
  /** Live claims in order, each with its live evidence links and the number of authors behind them. */
  claims: { id: string; text: string; tags: string[]; rank: number; evidence: number; authors: number }[];
  links: { fromClaimId: string; toClaimId: string }[];
}

/** What the reader asked to narrow the graph to (`?claim=` / `?tag=`); a claim wins over a tag. */
export interface TGraphSelection {
  claimId?: string | null;
  tag?: string | null;
}

export type TGraphFocus =
  | { kind: "all" }
  /** A claim and the claims linked to it; `text` is null when no such claim is in the map. */
  | { kind: "claim"; claimId: string; text: string | null }
  | { kind: "tag"; tag: string };

export interface TGraphScope {
  focus: TGraphFocus;
  /** The claims to draw, in order. */
  claimIds: string[];
  /** True when `claimIds` is every claim of the map. */
  whole: boolean;
  detail: TGraphDetail;
  /** Claims within the focus; more than `claimIds.length` when the claims alone exceed the limit. */
  focusClaims: number;
  /** Evidence links of the claims within the focus. */
  focusEvidence: number;
  totals: { claims: number; evidence: number };
  limit: number;
}

/**
 * Chooses the part of the map and the level of detail the graph can show within `limit` nodes.
 * The excerpt count is bounded by the evidence count (an excerpt backing two claims is one node
 * but two links), so the choice of full detail errs on the safe side.
 */
export function scopeArgumentGraph(outline: TGraphOutline, selection: TGraphSelection = {}, limit = GRAPH_NODE_LIMIT): TGraphScope {
  const totals = { claims: outline.claims.length, evidence: sum(outline.claims.map((c) => c.evidence)) };
  let focus: TGraphFocus = { kind: "all" };
  let inFocus = outline.claims;
  if (selection.claimId) {
    const claim = outline.claims.find((c) => c.id === selection.claimId);
    focus = { kind: "claim", claimId: selection.claimId, text: claim?.text ?? null };
    const near = new Set<string>(claim ? [claim.id] : []);
    if (claim) {
      for (const link of outline.links) {
        if (link.fromClaimId === claim.id) near.add(link.toClaimId);
        if (link.toClaimId === claim.id) near.add(link.fromClaimId);
      }
    }
    inFocus = outline.claims.filter((c) => near.has(c.id));
  } else if (selection.tag) {
    const tag = selection.tag;
    focus = { kind: "tag", tag };
    inFocus = outline.claims.filter((c) => c.tags.includes(tag));
  }

  const focusEvidence = sum(inFocus.map((c) => c.evidence));
  const detail: TGraphDetail =
    inFocus.length + focusEvidence <= limit ? "excerpts" : inFocus.length + sum(inFocus.map((c) => c.authors)) <= limit ? "authors" : "claims";
  const shown = detail === "claims" ? inFocus.slice(0, limit) : inFocus;
  return {
    focus,
    claimIds: shown.map((c) => c.id),
    whole: shown.length === outline.claims.length,
    detail,
    focusClaims: inFocus.length,
    focusEvidence,
    totals,
    limit,
  };
}

/** The outline of a map already in memory (what the server computes with a query for large maps). */
export function outlineOf(graph: TMapGraph): TGraphOutline {
  const index = indexMapGraph(graph);
  return {
    claims: graph.claims.map((claim) => {
      const evidence = index.evidenceByClaim.get(claim.id) ?? [];
      const authors = new Set(evidence.map((e) => index.excerptAuthor.get(e.excerptId)));
      return { id: claim.id, text: claim.text, tags: claim.tags, rank: claim.rank, evidence: evidence.length, authors: authors.size };
    }),
    links: graph.claimLinks.map((l) => ({ fromClaimId: l.fromClaimId, toClaimId: l.toClaimId })),
  };
}

// ---------------------------------------------------------------- nodes and edges

export interface TClaimNode {
  kind: "claim";
  id: string;
  claimId: string;
  text: string;
  tags: string[];
  rank: number;
  /** How many authors take each position on the claim (SILENT included), for a one-line summary. */
  stances: Record<TPositionStance, number>;
  controversy: TControversy;
}

/** One excerpt that is evidence, however many claims it backs. */
export interface TExcerptNode {
  kind: "excerpt";
  id: string;
  excerptId: string;
  sourceId: string;
  authorId: string;
  exact: string;
  /** What the passage says about each claim it backs, in claim order. */
  links: { claimId: string; stance: TStance; voice: TVoice }[];
}

/** In "authors" detail: an author's evidence on one claim, counted, with the resulting position. */
export interface TPositionNode {
  kind: "position";
  id: string;
  claimId: string;
  authorId: string;
  stance: TPositionStance;
  explicit: boolean;
  evidenceCount: number;
}

export type TArgumentNode = TClaimNode | TExcerptNode | TPositionNode;

/** An author's evidence nodes, kept together in the drawing and labelled with the author. */
export interface TAuthorGroup {
  id: string;
  authorId: string;
  name: string;
  shortName: string;
  published: TPublished | null;
  /** The group's nodes in reading order (by source date, then place in the text). */
  nodeIds: string[];
}

export type TArgumentEdge =
  /** Excerpt → claim: the passage supports, opposes or qualifies the claim, in the author's voice or reported. */
  | { kind: "evidence"; id: string; source: string; target: string; evidenceId: string; stance: TStance; voice: TVoice }
  /** Claim → claim: the first claim supports or opposes the second. */
  | { kind: "link"; id: string; source: string; target: string; linkId: string; relation: TLinkRelation }
  /** Author's evidence (counted) → claim, in "authors" detail: drawn by the author's position. */
  | { kind: "position"; id: string; source: string; target: string; stance: TPositionStance; evidenceCount: number };

export interface TArgumentGraph {
  detail: TGraphDetail;
  /** Claims first (in order), then each group's nodes (groups in the authors' date order). */
  nodes: TArgumentNode[];
  groups: TAuthorGroup[];
  edges: TArgumentEdge[];
}

export const claimNodeId = (claimId: string) => `claim:${claimId}`;
export const excerptNodeId = (excerptId: string) => `excerpt:${excerptId}`;
export const positionNodeId = (authorId: string, claimId: string) => `position:${authorId}:${claimId}`;
export const authorGroupId = (authorId: string) => `author:${authorId}`;

/**
 * Builds the graph's nodes and edges from the map model: one node per claim; in "excerpts"
 * detail one node per excerpt that is live evidence (shared by every claim it backs) with an edge
 * per evidence link, in "authors" detail one node per (author, claim) with evidence; and an edge
 * per claim link. Evidence nodes belong to their author's group.
 */
export function buildArgumentGraph(graph: TMapGraph, options: { detail?: TGraphDetail } = {}): TArgumentGraph {
  const detail = options.detail ?? "excerpts";
  const index = indexMapGraph(graph);
  const claimIds = new Set(graph.claims.map((c) => c.id));

  const positionOf = new Map(graph.positions.map((p) => [`${p.claimId}:${p.authorId}`, p]));
  const claimNodes: TClaimNode[] = graph.claims.map((claim) => {
    const stances = Object.fromEntries(POSITION_STANCES.map((s) => [s, 0])) as Record<TPositionStance, number>;
    const held = graph.authors.map((a) => positionOf.get(`${claim.id}:${a.id}`)?.stance ?? "SILENT");
    for (const stance of held) stances[stance] += 1;
    return { kind: "claim", id: claimNodeId(claim.id), claimId: claim.id, text: claim.text, tags: claim.tags, rank: claim.rank, stances, controversy: controversyOf(held) };
  });

  const edges: TArgumentEdge[] = [];
  const byAuthor = new Map<string, (TExcerptNode | TPositionNode)[]>();
  const addToGroup = (authorId: string, node: TExcerptNode | TPositionNode) => {
    const list = byAuthor.get(authorId);
    if (list) list.push(node);
    else byAuthor.set(authorId, [node]);
  };

  if (detail === "excerpts") {
    const claimOrder = new Map(graph.claims.map((c, i) => [c.id, i]));
    for (const excerpt of graph.excerpts) {
      const authorId = index.excerptAuthor.get(excerpt.id);
      const evidence = (index.evidenceByExcerpt.get(excerpt.id) ?? []).filter((e) => claimIds.has(e.claimId));
      if (!authorId || evidence.length === 0) continue;
      evidence.sort((a, b) => claimOrder.get(a.claimId)! - claimOrder.get(b.claimId)!);
      const id = excerptNodeId(excerpt.id);
      addToGroup(authorId, {
        kind: "excerpt",
        id,
        excerptId: excerpt.id,
        sourceId: excerpt.sourceId,
        authorId,
        exact: excerpt.exact,
        links: evidence.map((e) => ({ claimId: e.claimId, stance: e.stance, voice: e.voice })),
      });
      for (const e of evidence) {
        edges.push({ kind: "evidence", id: `evidence:${e.id}`, source: id, target: claimNodeId(e.claimId), evidenceId: e.id, stance: e.stance, voice: e.voice });
      }
    }
  } else if (detail === "authors") {
    const authorOrder = new Map(graph.authors.map((a, i) => [a.id, i]));
    const positions = graph.positions.filter((p) => p.evidenceCount > 0 && claimIds.has(p.claimId) && authorOrder.has(p.authorId));
    const claimOrder = new Map(graph.claims.map((c, i) => [c.id, i]));
    positions.sort((a, b) => authorOrder.get(a.authorId)! - authorOrder.get(b.authorId)! || claimOrder.get(a.claimId)! - claimOrder.get(b.claimId)!);
    for (const p of positions) {
      const id = positionNodeId(p.authorId, p.claimId);
      addToGroup(p.authorId, { kind: "position", id, claimId: p.claimId, authorId: p.authorId, stance: p.stance, explicit: p.explicit, evidenceCount: p.evidenceCount });
      edges.push({ kind: "position", id: `edge:${id}`, source: id, target: claimNodeId(p.claimId), stance: p.stance, evidenceCount: p.evidenceCount });
    }
  }

  for (const link of graph.claimLinks) {
    if (!claimIds.has(link.fromClaimId) || !claimIds.has(link.toClaimId)) continue;
    edges.push({ kind: "link", id: `link:${link.id}`, source: claimNodeId(link.fromClaimId), target: claimNodeId(link.toClaimId), linkId: link.id, relation: link.relation });
  }

  const groups: TAuthorGroup[] = [];
  const grouped: (TExcerptNode | TPositionNode)[] = [];
  for (const author of graph.authors) {
    const members = byAuthor.get(author.id);
    if (!members) continue;
    groups.push({ id: authorGroupId(author.id), authorId: author.id, name: author.name, shortName: author.shortName, published: author.published, nodeIds: members.map((m) => m.id) });
    grouped.push(...members);
  }

  return { detail, nodes: [...claimNodes, ...grouped], groups, edges };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
