import { describe, expect, it } from "vitest";
import { HEAT_STEPS, NO_SHARED_CLASS, heatClass, heatStep } from "../heat-scale";

describe("heatStep", () => {
  it("puts every printed percentage in exactly one step, darker for more agreement", () => {
    for (let percent = 0; percent <= 100; percent++) {
      expect(HEAT_STEPS.filter((s) => percent >= s.from && percent <= s.to), `${percent} %`).toHaveLength(1);
    }
    expect(heatStep(0)).toBe(0);
    expect(heatStep(0.5)).toBe(2);
    expect(heatStep(2 / 3)).toBe(3);
    expect(heatStep(1)).toBe(4);
  });

  it("steps by the rounded percentage the cell shows", () => {
    expect(heatStep(0.196)).toBe(1); // printed as 20 %
    expect(heatStep(0.194)).toBe(0); // printed as 19 %
  });

  it("has no step for n = 0: that cell is not a colour on the scale", () => {
    expect(heatStep(null)).toBeNull();
    expect(heatClass(null)).toBe(NO_SHARED_CLASS);
  });
});
