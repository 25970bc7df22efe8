import { describe, expect, it } from "vitest";
import { matrixToSvg } from "../svg/matrix-svg";
import { wrapText, xml } from "../svg/svg-text";
import { fixtureGraph } from "./fixture";

describe("matrixToSvg", () => {
  it("draws every author column by date and every claim row with its positions, text escaped", () => {
    const graph = fixtureGraph();
    graph.workspace.title = "Bloc <or> talk & shop";
    const svg = matrixToSvg(graph);
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain("Bloc &lt;or&gt; talk &amp; shop");
    expect(svg).not.toContain("<or>");
    const katz = svg.indexOf(">Katz<");
    const ecfr = svg.indexOf(">ECFR<");
    expect(katz).toBeGreaterThan(0);
    expect(ecfr).toBeGreaterThan(katz);
    for (const claim of graph.claims) expect(svg).toContain(xml(claim.text));
    // Two authors × three claims: six chips, each a word as well as a colour.
    expect(svg.match(/>(✓ Supports|× Opposes|~ Qualifies|± Mixed|○ Silent)</g)).toHaveLength(6);
    expect(svg).toContain("set by hand");
    // The first claim is split (Katz opposes, ECFR supports): marked as the matrix marks it.
    expect(svg).toContain(">Split 1–1<");
  });
});

describe("wrapText", () => {
  it("breaks at words within the width, cuts an over-long word and ends a truncated text with …", () => {
    expect(wrapText("one two three four", 60, 10)).toEqual(["one two", "three four"]);
    expect(wrapText("abcdefghijklmnop", 40, 10)).toEqual(["abcdefg", "hijklmn", "op"]);
    expect(wrapText("a b c d e f g h", 20, 10, 2)).toEqual(["a b", "c d…"]);
  });
});
