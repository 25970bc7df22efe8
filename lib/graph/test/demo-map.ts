import { loadDemoDefinition } from "@/lib/db/seed/demo";
import { anchorDefinition } from "@/lib/db/seed/seed-workspace";
import { parsePublished, formatPublished } from "@/lib/domain/dates";
import { positionsFromMatrix, type TMapGraph } from "@/lib/domain/map-graph";
import { buildMatrix, orderAuthors } from "@/lib/domain/matrix";

/**
 * The demo workspace as a map graph, built from the seed files without a database (ids are the
 * seed's keys), so that layout tests run on the real shape of the demo map.
 */
export function demoMapGraph(): TMapGraph {
  const def = loadDemoDefinition();
  const anchored = anchorDefinition(def);
  const authorIds = new Map(def.sources.map((s) => [s.author.name, `author-${s.key}`]));
  const sources = def.sources.map((s) => {
    const parsed = parsePublished(s.published)!;
    return { id: s.key, title: s.title, authorId: authorIds.get(s.author.name)!, publication: s.publication ?? null, published: formatPublished(parsed.date, parsed.precision), precision: parsed.precision, publishedNote: null, url: s.url ?? null };
  });
  const authorRows = def.sources.map((s) => ({ id: authorIds.get(s.author.name)!, name: s.author.name, shortName: s.author.shortName, published: [sources.find((x) => x.id === s.key)!.published] }));
  const excerpts = new Map<string, TMapGraph["excerpts"][number]>();
  const evidence = anchored.map((item, i) => {
    const id = `${item.source}:${item.selector.start}:${item.selector.end}`;
    excerpts.set(id, { id, sourceId: item.source, ...item.selector });
    return { id: `evidence-${i}`, excerptId: id, claimId: item.claim, stance: item.stance, voice: item.voice, note: item.note ?? null };
  });
  const claims = def.claims.map((c, i) => ({ id: c.key, text: c.text, tags: c.tags ?? [], rank: i + 1 }));
  const authorOf = new Map(sources.map((s) => [s.id, s.authorId]));
  const matrix = buildMatrix({
    authors: authorRows,
    claims,
    evidence: evidence.map((e) => ({ claimId: e.claimId, authorId: authorOf.get(excerpts.get(e.excerptId)!.sourceId)!, stance: e.stance, voice: e.voice })),
    explicit: [],
  });
  return {
    workspace: { slug: def.workspace.slug, title: def.workspace.title, description: "", visibility: "PUBLIC" },
    authors: orderAuthors(authorRows).map((a) => ({ ...a, affiliation: null })),
    sources,
    claims,
    claimLinks: (def.links ?? []).map((l, i) => ({ id: `link-${i}`, fromClaimId: l.from, toClaimId: l.to, relation: l.relation })),
    excerpts: [...excerpts.values()],
    evidence,
    positions: positionsFromMatrix(matrix),
  };
}
