import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZNativeDocumentSchema } from "../../schemas/native-document";
import { MEGABYTE, withinBudget } from "../../testing/fuzz-budget";
import { aifToNative, ZAifSchema } from "../aif/aif-to-native";
import { checkNativeDocument } from "../native/check-native-document";

/** Few ids, so edges meet nodes, repeat, loop and dangle; ids as strings and as numbers, as AIFdb writes both. */
const ID = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }).map(String), fc.constantFrom("", "x", "0"));
const NODE = fc.record({
  nodeID: ID,
  type: fc.constantFrom("I", "i", "RA", "CA", "ra", "L", "YA", "MA", "TA", ""),
  text: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "   "), fc.string({ minLength: 300, maxLength: 600 })),
});
const EDGE = fc.record({ fromID: ID, toID: ID });
/** AIF-shaped JSON, and sometimes not AIF at all: a missing list, a field of the wrong type. */
const AIFISH = fc.oneof(
  fc.record({ nodes: fc.array(NODE, { maxLength: 10 }), edges: fc.array(EDGE, { maxLength: 20 }) }),
  fc.record({ nodes: fc.array(fc.oneof(NODE, fc.jsonValue({ maxDepth: 1 })), { maxLength: 5 }), edges: fc.oneof(fc.array(EDGE), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);

const CONVERTS = {
  nodes: [
    { nodeID: 1, type: "I", text: "The SCO is an anti-NATO bloc." },
    { nodeID: 2, type: "I", text: "Its members hold joint exercises." },
    { nodeID: 3, type: "RA", text: "Default Inference" },
  ],
  edges: [
    { fromID: 2, toID: 3 },
    { fromID: 3, toID: 1 },
  ],
};
const DANGLES = { nodes: [{ nodeID: 1, type: "I", text: "A claim." }], edges: [{ fromID: 1, toID: 9 }] };

/** The server's path: a body the schema refuses is a 400; a conversion is a document or its issues. */
function expectConverted(aif: unknown) {
  const parsed = ZAifSchema.safeParse(aif);
  if (!parsed.success) return "refused";
  const { document, issues, warnings } = aifToNative(parsed.data);
  for (const issue of [...issues, ...warnings]) expect(issue.path).toMatch(/^(nodes|edges)(\.\d+(\.\w+)?)?$/);
  if (!document) {
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.length).toBeLessThanOrEqual(50);
    return "issues";
  }
  expect(issues).toEqual([]);
  expect(ZNativeDocumentSchema.safeParse(document).success).toBe(true);
  expect(checkNativeDocument(document)).toEqual([]);
  return "document";
}

describe("aifToNative on random and malformed maps", () => {
  it("never throws: the schema refuses the body, or it converts to a valid document, or it names the problems", () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(AIFISH, (aif) => void outcomes.add(expectConverted(aif))),
      // Each outcome once for sure, whatever the random draw: a map that converts, one with a
      // dangling edge, and a body that is not AIF.
      { numRuns: 2000, examples: [[CONVERTS], [DANGLES], [{ nodes: "none" }]] },
    );
    expect([...outcomes].sort()).toEqual(["document", "issues", "refused"]);
  });

  it("finishes within a second per megabyte on maps of repeated nodes and edges up to a megabyte", () => {
    fc.assert(
      fc.property(fc.array(NODE, { minLength: 1, maxLength: 6 }), fc.array(EDGE, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 20_000 }), (nodes, edges, times) => {
        const aif = { nodes: Array.from({ length: times }, (_, i) => ({ ...nodes[i % nodes.length], nodeID: `${i % 50_000}` })), edges: Array.from({ length: times }, (_, i) => edges[i % edges.length]) };
        const size = JSON.stringify(aif).length;
        fc.pre(size <= MEGABYTE);
        // Timed as the server runs it: the schema, then the conversion when the schema accepts.
        withinBudget(size, () => {
          const parsed = ZAifSchema.safeParse(aif);
          return parsed.success ? aifToNative(parsed.data) : parsed.error;
        });
      }),
      { numRuns: 20 },
    );
  });

  it("links every premise of one inference to its conclusion in a megabyte of edges within its budget", () => {
    const premises = 25_000;
    const aif = {
      nodes: [{ nodeID: "c", type: "I", text: "Conclusion" }, { nodeID: "ra", type: "RA", text: "" }, ...Array.from({ length: premises }, (_, i) => ({ nodeID: `p${i}`, type: "I", text: "P" }))],
      edges: [{ fromID: "ra", toID: "c" }, ...Array.from({ length: premises }, (_, i) => ({ fromID: `p${i}`, toID: "ra" }))],
    };
    const size = JSON.stringify(aif).length;
    expect(size).toBeGreaterThan(MEGABYTE);
    const { document } = withinBudget(size, () => aifToNative(ZAifSchema.parse(aif)));
    expect(document?.claimLinks).toHaveLength(premises);
  });
});
