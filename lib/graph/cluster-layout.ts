import { LAYOUT_SPACING, longestPathLayers, type TLayoutInput, type TLayoutNode, type TLayoutResult } from "./layout";

/**
 * The layout of a large graph picture (more nodes than the page draws at once), in plain code:
 * every passage (or author count) stands in a small grid right beside the claim it backs — its
 * first claim, when it backs several — so each claim and its evidence form one cluster, and the
 * clusters are read in columns, like a newspaper, the number of columns chosen so that the whole
 * comes close to the wanted shape. Clusters follow the claims' layers (a claim after the claims
 * that support or oppose it, by longest path; an edge closing a cycle is ignored), then the
 * claims' order. Positions are absolute (no author boxes: each card carries its author's colour
 * and name). Linear in the number of nodes and edges, apart from choosing the column count
 * (clusters × columns tried), so 6,000 nodes take milliseconds where ELK took seconds.
 */
export function layoutBesideClaims(input: TLayoutInput): TLayoutResult {
  const { cellGap: gap, betweenLayers, nodeNode } = LAYOUT_SPACING;
  const claims = input.nodes.filter((n) => !n.group);
  const claimIds = new Set(claims.map((n) => n.id));
  const home = new Map<string, string>();
  for (const edge of input.edges) if (!claimIds.has(edge.source) && claimIds.has(edge.target) && !home.has(edge.source)) home.set(edge.source, edge.target);
  const members = new Map<string, TLayoutNode[]>(claims.map((c) => [c.id, []]));
  const homeless: TLayoutNode[] = [];
  for (const node of input.nodes) {
    if (!node.group) continue;
    const claim = home.get(node.id);
    if (claim) members.get(claim)!.push(node);
    else homeless.push(node);
  }

  const grouped = input.nodes.filter((n) => n.group);
  const cell = { width: Math.max(0, ...grouped.map((n) => n.width)) + gap, height: Math.max(0, ...grouped.map((n) => n.height)) + gap };
  /** Beside a claim: 1 column up to 3 cards, then about twice as many rows as columns. */
  const gridColumns = (count: number) => (count <= 3 ? 1 : Math.ceil(Math.sqrt(count / 2)));

  interface TCluster {
    claim: TLayoutNode | null;
    cards: TLayoutNode[];
    columns: number;
    width: number;
    height: number;
  }
  const clusterOf = (claim: TLayoutNode | null, cards: TLayoutNode[]): TCluster => {
    const columns = cards.length === 0 ? 0 : gridColumns(cards.length);
    const gridWidth = columns === 0 ? 0 : columns * cell.width - gap;
    const gridHeight = columns === 0 ? 0 : Math.ceil(cards.length / columns) * cell.height - gap;
    const width = gridWidth + (claim ? (gridWidth > 0 ? 2 * nodeNode : 0) + claim.width : 0);
    return { claim, cards, columns, width, height: Math.max(gridHeight, claim?.height ?? 0) };
  };
  const layers = longestPathLayers(
    claims.map((c) => c.id),
    input.edges,
  );
  const order = claims.map((c, i) => ({ c, i })).sort((a, b) => layers.get(a.c.id)! - layers.get(b.c.id)! || a.i - b.i);
  const clusters = order.map(({ c }) => clusterOf(c, members.get(c.id)!));
  if (homeless.length > 0) clusters.push(clusterOf(null, homeless));
  if (clusters.length === 0) return { positions: {}, groupSizes: {}, width: 0, height: 0, arrangement: "beside-claims" };

  const columnWidth = Math.max(...clusters.map((c) => c.width));
  const columns = flowColumns(
    clusters.map((c) => c.height),
    columnWidth,
    input.aspect,
  );
  const positions: TLayoutResult["positions"] = {};
  let width = 0;
  let height = 0;
  columns.forEach((column, k) => {
    const x0 = k * (columnWidth + betweenLayers);
    let y = 0;
    for (const index of column) {
      const cluster = clusters[index];
      // Right-aligned in the column, so that claims line up and their cards fan out to the left.
      const left = x0 + columnWidth - cluster.width;
      cluster.cards.forEach((card, i) => {
        positions[card.id] = { x: left + (i % cluster.columns) * cell.width, y: y + Math.floor(i / cluster.columns) * cell.height };
      });
      if (cluster.claim) positions[cluster.claim.id] = { x: left + cluster.width - cluster.claim.width, y: y + (cluster.height - cluster.claim.height) / 2 };
      width = Math.max(width, x0 + columnWidth);
      y += cluster.height + (cluster.cards.length > 0 ? 2 * nodeNode : nodeNode);
      height = Math.max(height, y - nodeNode);
    }
  });
  return { positions, groupSizes: {}, width, height, arrangement: "beside-claims" };
}

/**
 * Splits the clusters, in order, into the number of columns that lets the whole drawing be shown
 * largest in a frame of `aspect` (width / height): for each count, columns are filled in turn up
 * to the height that count would give if the clusters could be split anywhere.
 */
function flowColumns(heights: number[], columnWidth: number, aspect: number): number[][] {
  const { betweenLayers, nodeNode } = LAYOUT_SPACING;
  const total = heights.reduce((sum, h) => sum + h + 2 * nodeNode, 0);
  const fill = (count: number) => {
    const target = total / count;
    const columns: number[][] = [[]];
    let used = 0;
    heights.forEach((h, i) => {
      const column = columns[columns.length - 1];
      if (column.length > 0 && used + h / 2 > target && columns.length < count) {
        columns.push([i]);
        used = h + 2 * nodeNode;
      } else {
        column.push(i);
        used += h + 2 * nodeNode;
      }
    });
    return columns;
  };
  let best = fill(1);
  let bestScore = Number.POSITIVE_INFINITY;
  for (let count = 1; count <= heights.length; count++) {
    const columns = fill(count);
    const width = columns.length * (columnWidth + betweenLayers) - betweenLayers;
    const height = Math.max(...columns.map((column) => column.reduce((sum, i) => sum + heights[i] + 2 * nodeNode, 0)));
    const score = Math.max(width / aspect, height);
    if (score < bestScore) {
      best = columns;
      bestScore = score;
    }
    // Past the best shape, more columns only widen the drawing.
    if (width / aspect > bestScore) break;
  }
  return best;
}
