import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { TArgumentGraph, TClaimNode, TExcerptNode, TPositionNode } from "@/lib/domain/argument-graph";
import type { TPositionStance, TStance, TVoice } from "@/lib/domain/types";
import { EDGE_LOOK, EDGE_WIDTH, evidenceWidth } from "@/lib/graph/edge-style";
import type { TLayoutResult } from "@/lib/graph/layout";
import { NODE_SIZE } from "@/lib/graph/layout-input";
import { stanceSummary, trim } from "@/lib/graph/text";

/**
 * From the view model to what the canvas draws: xyflow nodes and edges placed by the layout's
 * result (node sizes and the layout's input are in lib/graph/layout-input.ts, shared with the
 * picture the export draws).
 */

export interface TGraphAuthor {
  id: string;
  name: string;
  shortName: string;
  /** Human date of the author's earliest source ("2008", "Sep 2022"). */
  published: string | null;
  accent: string;
}

/**
 * Each node's data carries its link's accessible name (`label`, also its tooltip). The text the
 * link shows (the claim, the quote, the count) must appear in the label word for word, so that
 * what a speech-input user reads out names the link.
 */
export interface TClaimNodeData extends Record<string, unknown> {
  claim: TClaimNode;
  href: string;
  /** "Claim: <text> 2 support, 1 opposes, 2 silent." */
  label: string;
}

export interface TExcerptNodeData extends Record<string, unknown> {
  excerpt: TExcerptNode;
  author: TGraphAuthor;
  /** What the passage says about each claim it backs. */
  links: { stance: TStance; voice: TVoice; claimText: string }[];
  href: string;
  /** "Excerpt by Katz, supports “<claim>”; opposes (a view reported, not held) “<claim>”: “<quote>”" */
  label: string;
}

export interface TPositionNodeData extends Record<string, unknown> {
  position: TPositionNode;
  author: TGraphAuthor;
  claimText: string;
  href: string;
  /** "Katz supports “<claim>”: 3 passages" */
  label: string;
}

export interface TAuthorGroupData extends Record<string, unknown> {
  author: TGraphAuthor;
  count: number;
  /** "passages" or "claims with evidence", depending on the detail shown. */
  noun: string;
}

export type TGraphFlowNode =
  | Node<TClaimNodeData, "claim">
  | Node<TExcerptNodeData, "excerpt">
  | Node<TPositionNodeData, "position">
  | Node<TAuthorGroupData, "author">;

const STANCE_VERB: Record<TPositionStance, string> = {
  SUPPORTS: "supports",
  OPPOSES: "opposes",
  QUALIFIES: "qualifies",
  MIXED: "is mixed on",
  SILENT: "only reports views on",
};

/**
 * The xyflow nodes: author boxes first (a box must precede its members), then claims, then the
 * boxes' members, each placed by `layout`. Nodes the layout has not placed yet (they appeared
 * after it ran) are left out until the next layout arrives.
 */
export function flowNodesOf(view: TArgumentGraph, layout: TLayoutResult, slug: string, authors: ReadonlyMap<string, TGraphAuthor>): TGraphFlowNode[] {
  const claimText = new Map(view.nodes.flatMap((n) => (n.kind === "claim" ? [[n.claimId, n.text] as const] : [])));
  const groupOf = new Map(view.groups.flatMap((g) => g.nodeIds.map((id) => [id, g.id] as const)));
  const common = { draggable: false, selectable: false, connectable: false, focusable: false, deletable: false } as const;
  const nodes: TGraphFlowNode[] = [];

  for (const group of view.groups) {
    const at = layout.positions[group.id];
    const size = layout.groupSizes[group.id];
    const author = authors.get(group.authorId);
    if (!at || !size || !author) continue;
    nodes.push({
      ...common,
      id: group.id,
      type: "author",
      position: at,
      width: size.width,
      height: size.height,
      data: { author, count: group.nodeIds.length, noun: view.detail === "authors" ? "claims with evidence" : "passages" },
      ariaRole: "group",
      ariaLabel: `${author.name}: ${group.nodeIds.length} ${view.detail === "authors" ? "claims with evidence" : "passages"}`,
      domAttributes: { "aria-roledescription": "author" },
    });
  }
  const placed = new Set(nodes.map((n) => n.id));

  for (const node of view.nodes) {
    const at = layout.positions[node.id];
    const parentId = groupOf.get(node.id);
    if (!at || (parentId && !placed.has(parentId))) continue;
    const size = NODE_SIZE[node.kind];
    // Edges from a box's members are drawn at the members' level, above the boxes; claims go one
    // level higher so that no edge is drawn across a claim's text.
    const base = { ...common, id: node.id, position: at, width: size.width, height: size.height, ...(parentId ? { parentId } : { zIndex: 2 }), domAttributes: { "aria-roledescription": undefined } };
    if (node.kind === "claim") {
      nodes.push({ ...base, type: "claim", data: { claim: node, href: `/w/${slug}/claims/${node.claimId}`, label: `Claim: ${node.text} ${stanceSummary(node)}` } });
    } else if (node.kind === "excerpt") {
      const author = authors.get(node.authorId);
      if (!author) continue;
      const links = node.links.map((l) => ({ stance: l.stance, voice: l.voice, claimText: claimText.get(l.claimId) ?? "" }));
      nodes.push({
        ...base,
        type: "excerpt",
        data: { excerpt: node, author, links, href: `/w/${slug}/sources/${node.sourceId}#excerpt-${node.excerptId}`, label: `Excerpt by ${author.shortName}, ${excerptSays(links)}: “${node.exact}”` },
      });
    } else {
      const author = authors.get(node.authorId);
      if (!author) continue;
      const text = claimText.get(node.claimId) ?? "";
      const says = `${STANCE_VERB[node.stance]} “${trim(text, 90)}”`;
      const count = `${node.evidenceCount} ${node.evidenceCount === 1 ? "passage" : "passages"}`;
      nodes.push({ ...base, type: "position", data: { position: node, author, claimText: text, href: `/w/${slug}/claims/${node.claimId}`, label: `${author.shortName} ${says}: ${count}` } });
    }
  }
  return nodes;
}

/** The xyflow edges, styled by stance: colour, line pattern, width by voice, an arrow at the claim. */
export function flowEdgesOf(view: TArgumentGraph, authors: ReadonlyMap<string, TGraphAuthor>): Edge[] {
  const claimText = new Map(view.nodes.flatMap((n) => (n.kind === "claim" ? [[n.id, n.text] as const] : [])));
  const authorOf = new Map(view.nodes.flatMap((n) => (n.kind === "excerpt" || n.kind === "position" ? [[n.id, authors.get(n.authorId)?.shortName ?? ""] as const] : [])));
  // Edges are not interactive: no wide invisible path for the pointer (one SVG path per edge less).
  const common = { selectable: false, focusable: false, deletable: false, reconnectable: false, interactionWidth: 0 } as const;
  return view.edges.map((edge): Edge => {
    const target = trim(claimText.get(edge.target) ?? "", 80);
    if (edge.kind === "link") {
      const look = EDGE_LOOK[edge.relation];
      return {
        ...common,
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.relation === "SUPPORTS" ? "supports" : "opposes",
        labelStyle: { fill: look.colour, fontWeight: 600, fontSize: 12 },
        labelBgStyle: { fill: "var(--graph-label-bg)" },
        labelBgPadding: [4, 2],
        style: { stroke: look.colour, strokeWidth: EDGE_WIDTH.link, strokeDasharray: look.dash, strokeLinecap: "round" },
        markerEnd: { type: MarkerType.ArrowClosed, color: look.colour, width: 16, height: 16 },
        ariaLabel: `Claim “${trim(claimText.get(edge.source) ?? "", 80)}” ${STANCE_VERB[edge.relation]} “${target}”`,
        data: { kind: edge.kind, stance: edge.relation },
      };
    }
    const stance = edge.stance;
    const look = EDGE_LOOK[stance];
    const reported = edge.kind === "evidence" && edge.voice === "REPORTED";
    const who = authorOf.get(edge.source) ?? "";
    return {
      ...common,
      id: edge.id,
      source: edge.source,
      target: edge.target,
      style: {
        stroke: look.colour,
        strokeWidth: edge.kind === "evidence" ? evidenceWidth(edge.voice) : EDGE_WIDTH.author,
        strokeDasharray: look.dash,
        strokeLinecap: "round",
        opacity: reported ? 0.8 : 1,
      },
      markerEnd: { type: MarkerType.ArrowClosed, color: look.colour, width: 14, height: 14 },
      ariaLabel: edge.kind === "evidence" ? `${who} passage ${STANCE_VERB[stance]}${reported ? " (reported view)" : ""} “${target}”` : `${who} ${STANCE_VERB[stance]} “${target}” (${edge.evidenceCount} passages)`,
      data: { kind: edge.kind, stance, voice: edge.kind === "evidence" ? edge.voice : undefined },
    };
  });
}

function excerptSays(links: { stance: TStance; voice: TVoice; claimText: string }[]): string {
  return links.map((l) => `${STANCE_VERB[l.stance]}${l.voice === "REPORTED" ? " (a view reported, not held)" : ""} “${trim(l.claimText, 90)}”`).join("; ");
}
