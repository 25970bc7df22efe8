import type { TArgumentGraph } from "../domain/argument-graph";
import type { TLayoutInput } from "./layout";

/**
 * Node sizes and the layout's input, shared by the canvas (app/components/graph) and the picture
 * the export draws (lib/export/svg/graph-svg.ts), so that both place the same cards in the same
 * places. Sizes are fixed (text is clamped to fit), so the layout can run before anything is on
 * screen and never has to wait for measurements.
 */
export const NODE_SIZE = {
  claim: { width: 280, height: 92 },
  excerpt: { width: 184, height: 64 },
  position: { width: 184, height: 56 },
} as const;

/**
 * The shape a drawing is laid out for when the canvas cannot be measured (the page's first render
 * on the server) and for the graph picture: a wide desktop canvas.
 */
export const WIDE_ASPECT = 1.8;

/** Room above an author box's grid for the author's name. */
export const GROUP_HEADER = 26;

/** The graph's shape for the layout. */
export function layoutInputOf(view: TArgumentGraph, aspect: number): TLayoutInput {
  const groupOf = new Map(view.groups.flatMap((g) => g.nodeIds.map((id) => [id, g.id] as const)));
  return {
    nodes: view.nodes.map((node) => ({ id: node.id, ...NODE_SIZE[node.kind], group: groupOf.get(node.id) })),
    groups: view.groups.map((g) => ({ id: g.id, header: GROUP_HEADER })),
    edges: view.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    aspect,
  };
}

/**
 * What decides the layout: which nodes (and their boxes) and edges exist. A change of wording or
 * stance keeps the key, and so the drawing; a new node or edge asks for a new layout.
 */
export function layoutKey(input: TLayoutInput): string {
  return [
    input.nodes.map((n) => `${n.id}@${n.group ?? ""}`).join(","),
    input.edges.map((e) => `${e.source}>${e.target}`).join(","),
    input.aspect.toFixed(1),
  ].join("|");
}
