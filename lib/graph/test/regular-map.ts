import { positionsFromMatrix, type TMapGraph } from "@/lib/domain/map-graph";
import { buildMatrix, orderAuthors } from "@/lib/domain/matrix";
import type { TStance } from "@/lib/domain/types";

/**
 * A map of `claims` claims with exactly `quotes` passages each (every passage backs one claim),
 * from `authors` authors in turn, and `links` claim links from a claim to a later one — the shape
 * of the bench's side-by-side maps, built without a database. Deterministic: the same sizes give
 * the same map.
 */
export function regularMapGraph(shape: { claims: number; quotes: number; authors?: number; links?: number }): TMapGraph {
  const authorCount = shape.authors ?? 5;
  const authors = Array.from({ length: authorCount }, (_, i) => ({ id: `author-${i}`, name: `Author Number ${i + 1}`, shortName: `A${i + 1}`, published: [`${2000 + (i % 25)}`] }));
  const sources = authors.map((a, i) => ({ id: `source-${i}`, title: `Article ${i + 1}`, authorId: a.id, publication: null, published: a.published[0], precision: "YEAR" as const, publishedNote: null, url: null }));
  const claims = Array.from({ length: shape.claims }, (_, i) => ({ id: `claim-${i}`, text: `Claim ${i + 1}: the organisation ${i % 2 ? "strengthens" : "weakens"} regional security in the long run`, tags: [], rank: i + 1 }));
  const stances: TStance[] = ["SUPPORTS", "OPPOSES", "SUPPORTS", "QUALIFIES", "OPPOSES"];
  const excerpts: TMapGraph["excerpts"] = [];
  const evidence: TMapGraph["evidence"] = [];
  let n = 0;
  for (const claim of claims) {
    for (let q = 0; q < shape.quotes; q++, n++) {
      const id = `excerpt-${n}`;
      const exact = `Passage ${n + 1}: analysts note that member states cooperate on trade and security while keeping their own counsel`;
      excerpts.push({ id, sourceId: sources[n % authorCount].id, start: n * 200, end: n * 200 + exact.length, exact, prefix: "", suffix: "" });
      evidence.push({ id: `evidence-${n}`, excerptId: id, claimId: claim.id, stance: stances[n % stances.length], voice: n % 7 === 3 ? "REPORTED" : "AUTHOR", note: null });
    }
  }
  const claimLinks: TMapGraph["claimLinks"] = [];
  for (let i = 0; i < (shape.links ?? 0) && claims.length > 1; i++) {
    const from = (i * 7) % (claims.length - 1);
    const to = Math.min(claims.length - 1, from + 1 + ((i * 3) % 5));
    claimLinks.push({ id: `link-${i}`, fromClaimId: claims[from].id, toClaimId: claims[to].id, relation: i % 3 === 0 ? "OPPOSES" : "SUPPORTS" });
  }
  const authorOf = new Map(sources.map((s) => [s.id, s.authorId]));
  const excerptSource = new Map(excerpts.map((x) => [x.id, x.sourceId]));
  const matrix = buildMatrix({
    authors,
    claims,
    evidence: evidence.map((e) => ({ claimId: e.claimId, authorId: authorOf.get(excerptSource.get(e.excerptId)!)!, stance: e.stance, voice: e.voice })),
    explicit: [],
  });
  return {
    workspace: { slug: "regular", title: `${shape.claims} claims × ${shape.quotes} quotes`, description: "", visibility: "PUBLIC" },
    authors: orderAuthors(authors).map((a) => ({ ...a, affiliation: null })),
    sources,
    claims,
    claimLinks,
    excerpts,
    evidence,
    positions: positionsFromMatrix(matrix),
  };
}
