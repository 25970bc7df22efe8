import { labelPublished } from "../domain/dates";
import { pageAt, pageLabel } from "../domain/pages";
import { indexMapGraph, type TMapGraph, type TMapGraphIndex } from "../domain/map-graph";
import type { TPositionStance } from "../domain/types";

/** A map graph with the lookups most exporters need: positions by cell, each evidence link's source and author. */
export interface TMapReading extends TMapGraphIndex {
  graph: TMapGraph;
  /** The position of an author on a claim; a cell the graph leaves out is a derived SILENT. */
  positionOf(claimId: string, authorId: string): { stance: TPositionStance; explicit: boolean; note: string | null; evidenceCount: number };
  /** "Katz, “The SCO…”, 2008": who said it, where and when, for a citation; with a passage's start, its page too ("…, 2008, p. 7") when the source has pages. */
  citationOf(sourceId: string, start?: number): string;
  /** The page a passage starting at `start` falls on, for a source with pages; else null. */
  pageOf(sourceId: string, start: number): number | null;
}

export function readMap(graph: TMapGraph): TMapReading {
  const index = indexMapGraph(graph);
  const cells = new Map(graph.positions.map((p) => [`${p.claimId}:${p.authorId}`, p]));
  return {
    ...index,
    graph,
    positionOf: (claimId, authorId) => cells.get(`${claimId}:${authorId}`) ?? { stance: "SILENT", explicit: false, note: null, evidenceCount: 0 },
    citationOf: (sourceId, start) => {
      const source = index.sources.get(sourceId);
      if (!source) return "";
      const author = index.authors.get(source.authorId);
      const page = start === undefined ? "" : pageLabel(pageAt(source.pages, start));
      return [author?.name, `“${source.title}”`, source.publication, labelPublished(source.published), page].filter(Boolean).join(", ");
    },
    pageOf: (sourceId, start) => pageAt(index.sources.get(sourceId)?.pages, start),
  };
}
