import { describe, expect, it } from "vitest";
import { edgeCurve } from "../edge-path";

describe("edgeCurve", () => {
  it("runs from the source's right side to the target's left side, levelling out at both ends, as xyflow's bezier edge", () => {
    const curve = edgeCurve(100, 50, 300, 150);
    expect(curve.d).toBe("M100,50 C200,50 200,150 300,150");
    expect(curve.label).toEqual({ x: 200, y: 100 });
  });

  it("loops out and back when the target lies to the left", () => {
    const curve = edgeCurve(300, 50, 100, 50);
    const [c1x, c2x] = /C([\d.]+),50 ([\d.]+),50 100,50$/.exec(curve.d)!.slice(1).map(Number);
    // 0.25 × 25 × √200 ≈ 88.4 beyond each end.
    expect(c1x).toBeCloseTo(388.4, 1);
    expect(c2x).toBeCloseTo(11.6, 1);
  });
});
