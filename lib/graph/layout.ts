import type { ELK, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";

/**
 * The graph's layout, a layered drawing (in a Web Worker in the browser for the graph page, in
 * plain Node for the graph picture the export draws and in tests). Plain data in, plain data out,
 * so it can cross a postMessage; the caller brings the ELK instance, used for claims alone.
 *
 * Evidence is grouped by author: each author's nodes sit in one labelled box, packed in a grid
 * whose width is chosen so that the whole drawing comes close to the canvas's shape. The boxes
 * form the first column, in the authors' date order, then come the claims, then the claims those
 * support or oppose — longest-path layering decides which column each claim stands in. Laying out
 * a handful of boxes instead of every excerpt keeps the drawing compact (a single column of 60
 * passages could not be read at any zoom that shows it whole) and keeps an author's passages
 * together. The order within each column is chosen here (claims by the boxes their evidence
 * comes from) and every column is stacked tightly; inside a box, passages are ordered by the
 * height of the claims they back, so that their edges run roughly level. Claims alone (the
 * lightest detail) are laid out by ELK's layered algorithm, which packs unconnected parts.
 */

export interface TLayoutNode {
  id: string;
  width: number;
  height: number;
  /** The group (author box) the node belongs to, if any. */
  group?: string;
}

export interface TLayoutGroup {
  id: string;
  /** Room for the box's heading above its grid. */
  header: number;
}

export interface TLayoutEdge {
  id: string;
  source: string;
  target: string;
}

export interface TLayoutInput {
  nodes: TLayoutNode[];
  groups: TLayoutGroup[];
  edges: TLayoutEdge[];
  /** The width / height the whole drawing should come close to (the canvas's shape). */
  aspect: number;
}

export interface TLayoutResult {
  /** Top-left corners; a grouped node's is relative to its group's box. */
  positions: Record<string, { x: number; y: number }>;
  /** Each group box's size (its position is in `positions`). */
  groupSizes: Record<string, { width: number; height: number }>;
  width: number;
  height: number;
  /**
   * How grouped nodes are placed: in their author's box (positions relative to the box; the
   * default) or beside the claim they back (absolute positions, no boxes; `cluster-layout.ts`).
   */
  arrangement?: "beside-claims";
}

export const LAYOUT_SPACING = {
  /** Between a box's edge and its grid, and between cells of the grid. */
  groupPadding: 10,
  cellGap: 10,
  /** Between two columns of the layered drawing. */
  betweenLayers: 80,
  /** Between two nodes in one column. */
  nodeNode: 16,
} as const;

/** What the layout needs of ELK: an instance in this thread, a Web Worker's, or a worker thread's. */
export type TLayoutElk = Pick<ELK, "layout">;

/** Lays the graph out; rejects when ELK fails. */
export async function computeLayout(elk: TLayoutElk, input: TLayoutInput): Promise<TLayoutResult> {
  const { groupPadding: pad, cellGap: gap } = LAYOUT_SPACING;
  const members = new Map<string, TLayoutNode[]>(input.groups.map((g) => [g.id, []]));
  const loose: TLayoutNode[] = [];
  for (const node of input.nodes) {
    const list = node.group ? members.get(node.group) : undefined;
    if (list) list.push(node);
    else loose.push(node);
  }
  const groups = input.groups.filter((g) => members.get(g.id)!.length > 0);
  const grouped = groups.flatMap((g) => members.get(g.id)!);
  const cell = { width: Math.max(0, ...grouped.map((n) => n.width)) + gap, height: Math.max(0, ...grouped.map((n) => n.height)) + gap };
  const columns = chooseColumns(input, groups, members, loose, cell);
  const groupSize = (g: TLayoutGroup) => {
    const n = members.get(g.id)!.length;
    const cols = Math.min(columns, n);
    return { width: cols * cell.width - gap + 2 * pad, height: g.header + Math.ceil(n / cols) * cell.height - gap + 2 * pad };
  };

  const groupOf = new Map(grouped.map((n) => [n.id, n.group!]));

  // The order within each column is decided here rather than by ELK: author boxes in the given
  // (date) order, top to bottom, and every other node by the average height of the boxes its
  // evidence comes from (the barycentre heuristic). ELK's own crossing minimisation, with a
  // thousand edges fanning out of a few boxes, costs seconds and gains little.
  const boxMiddle = new Map<string, number>();
  let top = 0;
  for (const g of groups) {
    const { height } = groupSize(g);
    boxMiddle.set(g.id, top + height / 2);
    top += height + LAYOUT_SPACING.nodeNode;
  }
  const pulls = new Map<string, Map<string, number>>();
  for (const edge of input.edges) {
    const from = groupOf.get(edge.source);
    if (!from || groupOf.has(edge.target)) continue;
    const byGroup = pulls.get(edge.target) ?? new Map<string, number>();
    byGroup.set(from, (byGroup.get(from) ?? 0) + 1);
    pulls.set(edge.target, byGroup);
  }
  const barycentre = (id: string) => {
    const byGroup = pulls.get(id);
    if (!byGroup) return Number.POSITIVE_INFINITY;
    let sum = 0;
    let count = 0;
    for (const [group, n] of byGroup) {
      sum += boxMiddle.get(group)! * n;
      count += n;
    }
    return sum / count;
  };
  const ordered = loose.map((n, i) => ({ n, i, key: barycentre(n.id) })).sort((a, b) => a.key - b.key || a.i - b.i);

  // Only the edges that decide the columns matter: those between loose nodes (claim links) and
  // one from the box a node draws most evidence from. A node with no edge in at all gets one
  // from the first box, so that it stands with the claims rather than among the boxes.
  const looseIds = new Set(loose.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  const hasIncoming = new Set<string>();
  const addEdge = (source: string, target: string) => {
    const key = `${source}\u0000${target}`;
    if (source === target || seen.has(key)) return;
    seen.add(key);
    hasIncoming.add(target);
    edges.push({ id: `e${edges.length}`, sources: [source], targets: [target] });
  };
  for (const edge of input.edges) if (looseIds.has(edge.source) && looseIds.has(edge.target)) addEdge(edge.source, edge.target);
  for (const [target, byGroup] of pulls) addEdge([...byGroup].sort((a, b) => b[1] - a[1])[0][0], target);
  if (groups.length > 0) for (const n of loose) if (!hasIncoming.has(n.id)) addEdge(groups[0].id, n.id);

  const positions: TLayoutResult["positions"] =
    groups.length > 0
      ? placeInLayers([...groups.map((g) => ({ id: g.id, ...groupSize(g) })), ...ordered.map(({ n }) => n)], edges)
      : await placeWithElk(elk, input.aspect, ordered.map(({ n }) => n), edges);
  const groupSizes: TLayoutResult["groupSizes"] = {};
  // Each column is stacked tightly in the order chosen above, centred on one line: a shorter
  // drawing fits the canvas at a larger zoom. (Without boxes the drawing may be several graphs
  // that ELK packed side by side: left as ELK put them.)
  if (groups.length > 0) {
    const items = [...groups.map((g) => ({ id: g.id, ...groupSize(g) })), ...loose].filter((n) => positions[n.id]);
    items.sort((a, b) => positions[a.id].x - positions[b.id].x);
    const columns: (typeof items)[] = [];
    for (const item of items) {
      const column = columns.at(-1);
      if (column && positions[item.id].x < positions[column[0].id].x + column[0].width / 2) column.push(item);
      else columns.push([item]);
    }
    const rank = new Map([...groups.map((g) => g.id), ...ordered.map(({ n }) => n.id)].map((id, i) => [id, i]));
    for (const column of columns) {
      column.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
      const stacked = column.reduce((sum, n) => sum + n.height, 0) + (column.length - 1) * LAYOUT_SPACING.nodeNode;
      let y = -stacked / 2;
      for (const n of column) {
        positions[n.id] = { x: positions[n.id].x, y };
        y += n.height + LAYOUT_SPACING.nodeNode;
      }
    }
  }
  // Top-left at (0, 0).
  const placed = [...groups.map((g) => ({ id: g.id, ...groupSize(g) })), ...loose].filter((n) => positions[n.id]);
  const minX = Math.min(...placed.map((n) => positions[n.id].x));
  const minY = Math.min(...placed.map((n) => positions[n.id].y));
  let width = 0;
  let height = 0;
  for (const n of placed) {
    const at = (positions[n.id] = { x: positions[n.id].x - minX, y: positions[n.id].y - minY });
    width = Math.max(width, at.x + n.width);
    height = Math.max(height, at.y + n.height);
  }
  const size = new Map(loose.map((n) => [n.id, n]));
  const middleY = (id: string) => {
    const at = positions[id];
    return at ? at.y + (size.get(id)?.height ?? 0) / 2 : undefined;
  };
  const targets = new Map<string, number[]>();
  for (const edge of input.edges) {
    if (!groupOf.has(edge.source)) continue;
    const y = middleY(edge.target);
    if (y === undefined) continue;
    const list = targets.get(edge.source);
    if (list) list.push(y);
    else targets.set(edge.source, [y]);
  }
  for (const group of groups) {
    groupSizes[group.id] = groupSize(group);
    const list = members.get(group.id)!;
    const key = (n: TLayoutNode) => {
      const ys = targets.get(n.id);
      return ys ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY;
    };
    const ordered = [...list].sort((a, b) => key(a) - key(b));
    const cols = Math.min(columns, list.length);
    ordered.forEach((node, i) => {
      positions[node.id] = { x: pad + (i % cols) * cell.width, y: group.header + pad + Math.floor(i / cols) * cell.height };
    });
  }
  return { positions, groupSizes, width, height };
}

/**
 * The columns of a layered drawing with the author boxes first, in plain code: a node stands one
 * column right of the furthest node with an edge into it (longest-path layering from the boxes,
 * as ELK's LONGEST_PATH_SOURCE does; an edge closing a cycle is ignored), each column as wide as
 * its widest node, nodes centred in it. Which column each node stands in is all that is kept:
 * the order and heights within a column are set afterwards. ELK did this in seconds for a large
 * map (most of it spent on crossing minimisation and node placement that were then replaced);
 * this takes milliseconds.
 */
function placeInLayers(items: { id: string; width: number; height: number }[], edges: ElkExtendedEdge[]): TLayoutResult["positions"] {
  const layer = longestPathLayers(
    items.map((item) => item.id),
    edges.map((e) => ({ source: e.sources[0], target: e.targets[0] })),
  );
  const widths: number[] = [];
  for (const item of items) widths[layer.get(item.id)!] = Math.max(widths[layer.get(item.id)!] ?? 0, item.width);
  const left: number[] = [];
  let x = 0;
  for (let i = 0; i < widths.length; i++) {
    left[i] = x;
    x += (widths[i] ?? 0) + LAYOUT_SPACING.betweenLayers;
  }
  const positions: TLayoutResult["positions"] = {};
  for (const item of items) {
    const at = layer.get(item.id)!;
    positions[item.id] = { x: left[at] + ((widths[at] ?? 0) - item.width) / 2, y: 0 };
  }
  return positions;
}

/**
 * Each node's layer: one after the furthest node with an edge into it (0 for a node with none).
 * An edge closing a cycle is ignored; edges from or to unknown ids too. Iterative, so a chain of
 * a thousand links does not overflow the stack.
 */
export function longestPathLayers(ids: readonly string[], edges: readonly { source: string; target: string }[]): Map<string, number> {
  const known = new Set(ids);
  const before = new Map<string, string[]>();
  for (const e of edges) {
    if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
    const list = before.get(e.target);
    if (list) list.push(e.source);
    else before.set(e.target, [e.source]);
  }
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  for (const start of ids) {
    if (layer.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    visiting.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const from = before.get(top.id) ?? [];
      if (top.next < from.length) {
        const id = from[top.next++];
        if (!layer.has(id) && !visiting.has(id)) {
          visiting.add(id);
          stack.push({ id, next: 0 });
        }
        continue;
      }
      let deepest = -1;
      for (const id of from) deepest = Math.max(deepest, layer.get(id) ?? -1);
      layer.set(top.id, deepest + 1);
      visiting.delete(top.id);
      stack.pop();
    }
  }
  return layer;
}

/** Claims alone (no author boxes): ELK's layered layout, its connected parts packed to the canvas's shape. */
async function placeWithElk(elk: TLayoutElk, aspect: number, nodes: TLayoutNode[], edges: ElkExtendedEdge[]): Promise<TLayoutResult["positions"]> {
  const root: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": String(LAYOUT_SPACING.betweenLayers),
      "elk.spacing.nodeNode": String(LAYOUT_SPACING.nodeNode),
      "elk.spacing.componentComponent": String(LAYOUT_SPACING.betweenLayers / 2),
      "elk.aspectRatio": String(aspect),
      // Each node in the first column it can stand in: a claim first unless a claim that supports
      // or opposes it must come before it.
      "elk.layered.layering.strategy": "LONGEST_PATH_SOURCE",
      // The canvas draws its own curves; ELK need not reserve room for routing between columns.
      "elk.edgeRouting": "POLYLINE",
    },
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges,
  };
  const laidOut = await elk.layout(root);
  const positions: TLayoutResult["positions"] = {};
  for (const child of laidOut.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}

/**
 * How many columns each author box gets: the count that makes the whole drawing closest to the
 * canvas's shape, i.e. the one that lets "fit view" show it at the largest zoom. The drawing's
 * size is estimated before ELK runs: boxes stacked in one column, then as many columns of claims
 * as the longest chain of claim links needs.
 */
function chooseColumns(input: TLayoutInput, groups: TLayoutGroup[], members: Map<string, TLayoutNode[]>, loose: TLayoutNode[], cell: { width: number; height: number }): number {
  const largest = Math.max(0, ...groups.map((g) => members.get(g.id)!.length));
  if (largest <= 1) return 1;
  const { groupPadding: pad, betweenLayers, nodeNode } = LAYOUT_SPACING;
  const layerSizes = layerCounts(loose, input.edges);
  const layers = Math.max(1, layerSizes.length);
  const looseWidth = Math.max(0, ...loose.map((n) => n.width));
  const looseRow = Math.max(0, ...loose.map((n) => n.height)) + nodeNode;
  const looseHeight = Math.max(0, ...layerSizes) * looseRow;
  let best = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let columns = 1; columns <= largest; columns++) {
    const boxesHeight = groups.reduce((sum, g) => sum + g.header + Math.ceil(members.get(g.id)!.length / columns) * cell.height + 2 * pad + nodeNode, 0);
    const width = Math.min(columns, largest) * cell.width + 2 * pad + layers * (betweenLayers + looseWidth);
    const height = Math.max(boxesHeight, looseHeight);
    const score = Math.max(width / input.aspect, height);
    if (score < bestScore) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How many of `nodes` fall in each column of a layered drawing, estimated by the longest path
 * from a node without predecessors (ELK's own layering differs a little, which is fine for an
 * estimate). Edges closing a cycle are ignored.
 */
function layerCounts(nodes: TLayoutNode[], edges: TLayoutEdge[]): number[] {
  const layer = longestPathLayers(
    nodes.map((n) => n.id),
    edges,
  );
  const counts: number[] = [];
  for (const node of nodes) {
    const at = layer.get(node.id) ?? 0;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return Array.from(counts, (c) => c ?? 0);
}
