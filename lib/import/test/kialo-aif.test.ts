import { describe, expect, it } from "vitest";
import { toAif } from "../../export/aif/to-aif";
import { fixtureGraph } from "../../export/test/fixture";
import { aifToNative, ZAifSchema } from "../aif/aif-to-native";
import { parseKialo } from "../kialo/parse-kialo";
import { timeSync } from "../../testing/stall-probe";

const KIALO = `Discussion Title: Is the SCO an anti-NATO bloc?

1. The SCO is an anti-NATO bloc.
1.1. Pro: It holds joint military exercises
with Russia and China.
1.1.1. Con: The exercises are small and mostly about terrorism.
1.2. Con: It has no mutual defence clause.
1.2.1. Pro: Members refused to back Russia in Georgia.
1.3. Con: -> See 1.1.1.
`;

describe("parseKialo", () => {
  it("turns the outline into claims in order, Pro into support and Con into opposition, joining wrapped lines", () => {
    const { title, document, issues } = parseKialo(KIALO);
    expect(issues).toEqual([]);
    expect(title).toBe("Is the SCO an anti-NATO bloc?");
    expect(document!.workspace).toMatchObject({ title: "Is the SCO an anti-NATO bloc?", slug: "is-the-sco-an-anti-nato-bloc" });
    expect(document!.claims.map((c) => c.text)).toEqual([
      "The SCO is an anti-NATO bloc.",
      "It holds joint military exercises with Russia and China.",
      "The exercises are small and mostly about terrorism.",
      "It has no mutual defence clause.",
      "Members refused to back Russia in Georgia.",
    ]);
    const text = new Map(document!.claims.map((c) => [c.id, c.text.slice(0, 12)]));
    expect(document!.claimLinks.map((l) => `${text.get(l.fromClaimId)} ${l.relation} ${text.get(l.toClaimId)}`)).toEqual([
      "It holds joi SUPPORTS The SCO is a",
      "The exercise OPPOSES It holds joi",
      "It has no mu OPPOSES The SCO is a",
      "Members refu SUPPORTS It has no mu",
      // "-> See 1.1.1." reuses that claim: it now also opposes the thesis.
      "The exercise OPPOSES The SCO is a",
    ]);
  });

  it("names the line of each problem and gives no document", () => {
    const { document, issues } = parseKialo("Discussion Title: X\n1. Thesis\n1.2.1. Pro: orphan\n1.1. Nothing to say\n1.3. Con: -> See 9.9.\n");
    expect(document).toBeNull();
    expect(issues).toEqual([
      { path: "line 3", message: "1.2.1. comes before its parent 1.2." },
      { path: "line 4", message: "1.1. needs “Pro:” or “Con:” to say how it bears on 1." },
      { path: "line 5", message: "“-> See 9.9.” names no claim of this discussion" },
    ]);
    expect(parseKialo("just some text").issues[0]).toEqual({ path: "line 1", message: "expected a numbered line such as “1. …” or “1.1. Pro: …”" });
    expect(parseKialo(`1. ${"x".repeat(501)}`).issues[0].message).toContain("at most 500");
  });
});

describe("aifToNative", () => {
  it("reads AIF as written by our own export: I-nodes become claims, RA support and CA opposition between them", () => {
    const graph = fixtureGraph();
    const { document, issues } = aifToNative(ZAifSchema.parse(toAif(graph)), "Round trip");
    expect(issues).toEqual([]);
    // Claims and cited quotes are all propositions (I-nodes).
    expect(document!.claims).toHaveLength(3 + 3);
    const text = new Map(document!.claims.map((c) => [c.id, c.text]));
    const links = document!.claimLinks.map((l) => `${text.get(l.fromClaimId)!.slice(0, 10)} ${l.relation} ${text.get(l.toClaimId)!.slice(0, 10)}`);
    expect(links).toContain("The SCO is OPPOSES The SCO is");
    expect(links.filter((l) => l.includes("OPPOSES"))).toHaveLength(2);
    expect(links).toHaveLength(5);
  });

  it("shortens a proposition longer than a claim at a word, with a warning", () => {
    const long = `${"word ".repeat(150)}end.`;
    const { document, warnings } = aifToNative({ nodes: [{ nodeID: "1", type: "I", text: long }], edges: [] });
    expect(document!.claims[0].text.length).toBeLessThanOrEqual(500);
    expect(document!.claims[0].text).toMatch(/word…$/);
    expect(warnings).toEqual([{ path: "nodes.0.text", message: `a proposition of ${long.length} characters was shortened to a claim of ${document!.claims[0].text.length}` }]);
  });

  it("names dangling edges and missing text by path", () => {
    const { document, issues } = aifToNative({ nodes: [{ nodeID: "1", type: "I", text: "" }, { nodeID: "2", type: "RA", text: "Default Inference" }], edges: [{ fromID: "1", toID: "3" }] });
    expect(document).toBeNull();
    expect(issues).toEqual([
      { path: "edges.0", message: "the edge 1 → 3 has an end that is not a node" },
      { path: "nodes.0.text", message: "an I-node has no text" },
    ]);
  });

  it("reads 2 nodes and 40,000 copies of one edge in linear time, as one link", () => {
    const edges = Array.from({ length: 40_000 }, () => ({ fromID: "1", toID: "2" }));
    const aif = { nodes: [{ nodeID: "1", type: "I", text: "Premise." }, { nodeID: "2", type: "RA", text: "Default Inference" }, { nodeID: "3", type: "I", text: "Conclusion." }], edges: [...edges, { fromID: "2", toID: "3" }] };
    const { result, ms } = timeSync(() => aifToNative(aif));
    expect(result.document?.claimLinks).toEqual([{ id: "2:1", fromClaimId: "1", toClaimId: "3", relation: "SUPPORTS" }]);
    expect(ms).toBeLessThan(1000);
  });
});

describe("Kialo references", () => {
  it("names a cycle of “-> See” lines by line instead of recursing", () => {
    const { document, issues } = parseKialo("1. Thesis.\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.\n");
    expect(document).toBeNull();
    expect(issues).toEqual([
      { path: "line 2", message: "“-> See 1.2.” names no claim of this discussion" },
      { path: "line 3", message: "“-> See 1.1.” names no claim of this discussion" },
    ]);
  });
});
