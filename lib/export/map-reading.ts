import { labelPublished } from "../domain/dates";
import { indexMapGraph, type TMapGraph, type TMapGraphIndex } from "../domain/map-graph";
import type { TPositionStance } from "../domain/types";

/** A map graph with the lookups most exporters need: positions by cell, each evidence link's source and author. */
export interface TMapReading extends TMapGraphIndex {
  graph: TMapGraph;
  /** The position of an author on a claim; a cell the graph leaves out is a derived SILENT. */
  positionOf(claimId: string, authorId: string): { stance: TPositionStance; explicit: boolean; note: string | null; evidenceCount: number };
  /** "Katz, “The SCO…”, 2008": who said it, where and when, for a citation. */
  citationOf(sourceId: string): string;
}

export function readMap(graph: TMapGraph): TMapReading {
  const index = indexMapGraph(graph);
  const cells = new Map(graph.positions.map((p) => [`${p.claimId}:${p.authorId}`, p]));
  return {
    ...index,
    graph,
    positionOf: (claimId, authorId) => cells.get(`${claimId}:${authorId}`) ?? { stance: "SILENT", explicit: false, note: null, evidenceCount: 0 },
    citationOf: (sourceId) => {
      const source = index.sources.get(sourceId);
      if (!source) return "";
      const author = index.authors.get(source.authorId);
      return [author?.name, `“${source.title}”`, source.publication, labelPublished(source.published)].filter(Boolean).join(", ");
    },
  };
}
