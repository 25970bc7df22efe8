import { describe, expect, it } from "vitest";
import { interWidths } from "@/scripts/inter-widths";
import { INTER_WIDTHS } from "../inter-widths";
import { fitLine, INTER_CHARACTERS, INTER_FILES, textWidth, wrapLines } from "../text-width";

describe("Inter's width table", () => {
  it("is the one the font files give (run scripts/inter-widths.ts after changing the characters)", () => {
    for (const [weight, file] of Object.entries(INTER_FILES)) {
      expect(INTER_WIDTHS[Number(weight)], file).toEqual(interWidths(file));
      expect(INTER_WIDTHS[Number(weight)]).toHaveLength([...INTER_CHARACTERS].length);
    }
  });
});

describe("text measured in Inter", () => {
  it("is wider in bold, wider for wide letters, and proportional to the size", () => {
    expect(textWidth("Katz", 12, 700)).toBeGreaterThan(textWidth("Katz", 12, 400));
    expect(textWidth("MMMM", 12)).toBeGreaterThan(textWidth("iiii", 12));
    expect(textWidth("The SCO", 24)).toBeCloseTo(2 * textWidth("The SCO", 12), 6);
    // A character outside the table counts 0.6 em.
    expect(textWidth("中", 10)).toBe(6);
  });

  it("wraps at spaces within the width, cuts an over-long word and ends a clamped text with …", () => {
    const text = "The SCO is a platform for a China- and Russia-led anti-Western, multipolar order.";
    const lines = wrapLines(text, 258, 16, 600);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(textWidth(line, 16, 600)).toBeLessThanOrEqual(258);
    const clamped = wrapLines(text, 150, 16, 600, 2);
    expect(clamped).toHaveLength(2);
    expect(clamped[1].endsWith("…")).toBe(true);
    for (const line of clamped) expect(textWidth(line, 16, 600)).toBeLessThanOrEqual(150);
    const long = wrapLines("Supercalifragilisticexpialidocious", 60, 12);
    expect(long.join("")).toBe("Supercalifragilisticexpialidocious");
    for (const line of long) expect(textWidth(line, 12)).toBeLessThanOrEqual(60);
  });

  it("fits a line with an ellipsis only when it is too long", () => {
    expect(fitLine("Katz", 100, 12)).toBe("Katz");
    const cut = fitLine("Rakhmatulla Nurimbetov and colleagues", 80, 14, 600);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 14, 600)).toBeLessThanOrEqual(80);
  });
});
