import type { TMapGraph } from "../../domain/map-graph";

const TEXT_K = 'Katz wrote: the SCO is "not a bloc", and the U.S. knows it. See https://example.org/a#b.\nA second line, with [brackets] and #hash.';
const TEXT_N = "=SUM(A1) is not a claim. Nurimbetov says NATO-like talk -> nothing.";

/** A small map with awkward text: quotes, commas, line breaks, Argdown and Markdown syntax, a formula. */
export function fixtureGraph(): TMapGraph {
  return {
    workspace: { slug: "tiny", title: "Tiny *map*", description: "Two authors, three claims.", visibility: "PUBLIC" },
    authors: [
      { id: "a-k", name: "Mark N. Katz", shortName: "Katz", affiliation: null, published: "2008" },
      { id: "a-n", name: "ECFR", shortName: "ECFR", affiliation: null, published: "2022-09" },
    ],
    sources: [
      { id: "s-k", title: "Russia's setbacks, 2008", authorId: "a-k", publication: "Journal", published: "2008", precision: "YEAR", publishedNote: null, url: "https://example.org/katz" },
      { id: "s-n", title: "Rogue NATO", authorId: "a-n", publication: null, published: "2022-09", precision: "MONTH", publishedNote: null, url: null },
    ],
    claims: [
      { id: "c1", text: "The SCO is an anti-NATO bloc.", tags: ["security"], rank: 1 },
      { id: "c2", text: "The SCO is a talk shop, mostly.", tags: [], rank: 2 },
      { id: "c3", text: "Nobody has argued this yet.", tags: [], rank: 3 },
    ],
    claimLinks: [{ id: "l1", fromClaimId: "c2", toClaimId: "c1", relation: "OPPOSES" }],
    excerpts: [
      { id: "x1", sourceId: "s-k", start: 0, end: TEXT_K.length, exact: TEXT_K, prefix: "", suffix: "" },
      { id: "x2", sourceId: "s-n", start: 0, end: 26, exact: TEXT_N.slice(0, 26), prefix: "", suffix: " Nurimbetov" },
      { id: "x3", sourceId: "s-n", start: 27, end: TEXT_N.length, exact: TEXT_N.slice(27), prefix: "not a claim.", suffix: "" },
      { id: "x4", sourceId: "s-n", start: 0, end: 5, exact: TEXT_N.slice(0, 5), prefix: "", suffix: "A1) i" },
    ],
    evidence: [
      { id: "e1", excerptId: "x1", claimId: "c1", stance: "OPPOSES", voice: "AUTHOR", note: "Katz's own view, with a comma" },
      { id: "e2", excerptId: "x1", claimId: "c2", stance: "SUPPORTS", voice: "AUTHOR", note: null },
      { id: "e3", excerptId: "x2", claimId: "c1", stance: "SUPPORTS", voice: "REPORTED", note: null },
      { id: "e4", excerptId: "x3", claimId: "c2", stance: "QUALIFIES", voice: "AUTHOR", note: null },
    ],
    positions: [
      { claimId: "c1", authorId: "a-k", stance: "OPPOSES", explicit: false, evidenceCount: 1, note: null },
      { claimId: "c2", authorId: "a-k", stance: "SUPPORTS", explicit: false, evidenceCount: 1, note: null },
      { claimId: "c1", authorId: "a-n", stance: "SUPPORTS", explicit: true, evidenceCount: 1, note: "set by a member" },
      { claimId: "c2", authorId: "a-n", stance: "QUALIFIES", explicit: false, evidenceCount: 1, note: null },
    ],
  };
}
