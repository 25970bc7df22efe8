import { describe, expect, it } from "vitest";
import { EDGE_LOOK } from "../edge-style";
import { trim } from "../text";

describe("edge looks", () => {
  it("tell support, attack and qualification apart by colour and by line pattern alike", () => {
    const looks = [EDGE_LOOK.SUPPORTS, EDGE_LOOK.OPPOSES, EDGE_LOOK.QUALIFIES];
    expect(new Set(looks.map((l) => l.colour)).size).toBe(3);
    expect(new Set(looks.map((l) => l.dash ?? "solid")).size).toBe(3);
    // The stance colours of the theme (app/globals.css), Okabe–Ito.
    expect([EDGE_LOOK.SUPPORTS.colour, EDGE_LOOK.OPPOSES.colour, EDGE_LOOK.QUALIFIES.colour]).toEqual(["#009e73", "#d55e00", "#cc79a7"]);
  });
});

describe("trim", () => {
  it("cuts at a word with an ellipsis and leaves short text alone", () => {
    expect(trim("short  text", 20)).toBe("short text");
    expect(trim("The SCO is an anti-NATO bloc, say some analysts", 30)).toBe("The SCO is an anti-NATO bloc…");
  });
});
