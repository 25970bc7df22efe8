/**
 * The curve the canvas draws for an edge (xyflow's default bezier edge, from a node's right side
 * to another's left side), so that the graph picture draws the same lines without xyflow.
 */

export interface TEdgeCurve {
  /** SVG path data: M source C control1 control2 target. */
  d: string;
  /** The curve's midpoint, where a link's label sits. */
  label: { x: number; y: number };
}

/** xyflow's control-point offset: half the distance forwards, a gentle loop backwards. */
function controlOffset(distance: number, curvature = 0.25): number {
  return distance >= 0 ? 0.5 * distance : curvature * 25 * Math.sqrt(-distance);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A curve leaving (sx, sy) to the right and reaching (tx, ty) from the left. */
export function edgeCurve(sx: number, sy: number, tx: number, ty: number): TEdgeCurve {
  const offset = controlOffset(tx - sx);
  const c1 = { x: sx + offset, y: sy };
  const c2 = { x: tx - offset, y: ty };
  // The cubic's point at t = ½.
  const label = { x: round(0.125 * sx + 0.375 * c1.x + 0.375 * c2.x + 0.125 * tx), y: round(0.125 * sy + 0.375 * c1.y + 0.375 * c2.y + 0.125 * ty) };
  return { d: `M${round(sx)},${round(sy)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(tx)},${round(ty)}`, label };
}
