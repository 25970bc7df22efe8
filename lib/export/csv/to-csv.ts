import { stringify } from "csv-stringify/sync";
import type { TMapGraph } from "../../domain/map-graph";
import { STANCE_LABEL } from "../../domain/stance-words";
import { readMap } from "../map-reading";

export interface TCsvOptions {
  /** `matrix`: one row per claim, one column per author; `evidence`: one row per evidence link. */
  table: "matrix" | "evidence";
  /** Start with a UTF-8 byte order mark, so spreadsheet programs read accents and dashes right. */
  bom: boolean;
}

export const CSV_DEFAULTS: TCsvOptions = { table: "matrix", bom: false };

/** RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted. */
function write(rows: (string | number)[][], bom: boolean): string {
  return stringify(rows, { record_delimiter: "windows", bom, quoted_match: /^[=+\-@]/ });
}

/**
 * The matrix as CSV: a header of authors ("Katz (2008)") and one row per claim with each author's
 * position; a position set by hand is marked "(set by hand)". Cells starting with = + - @ are
 * quoted so a spreadsheet shows them as text.
 */
export function matrixToCsv(graph: TMapGraph, options: Partial<TCsvOptions> = {}): string {
  const map = readMap(graph);
  const header = ["Claim", "Tags", ...graph.authors.map((a) => (a.published ? `${a.shortName} (${a.published.slice(0, 4)})` : a.shortName))];
  const rows = graph.claims.map((claim) => [
    claim.text,
    claim.tags.join(" "),
    ...graph.authors.map((author) => {
      const position = map.positionOf(claim.id, author.id);
      return `${STANCE_LABEL[position.stance]}${position.explicit ? " (set by hand)" : ""}`;
    }),
  ]);
  return write([header, ...rows], options.bom ?? false);
}

/** Every evidence link as a row: claim, author, source, date, stance, voice, quote, offsets, note. */
export function evidenceToCsv(graph: TMapGraph, options: Partial<TCsvOptions> = {}): string {
  const map = readMap(graph);
  const header = ["Claim", "Author", "Source", "Published", "Stance", "Voice", "Quote", "Start", "End", "Note"];
  const rows = graph.evidence.flatMap((e) => {
    const excerpt = map.excerpts.get(e.excerptId);
    const claim = map.claims.get(e.claimId);
    const source = excerpt && map.sources.get(excerpt.sourceId);
    const author = source && map.authors.get(source.authorId);
    if (!excerpt || !claim || !source) return [];
    return [[claim.text, author?.name ?? "", source.title, source.published, e.stance.toLowerCase(), e.voice.toLowerCase(), excerpt.exact, excerpt.start, excerpt.end, e.note ?? ""]];
  });
  return write([header, ...rows], options.bom ?? false);
}

export function toCsv(graph: TMapGraph, options: Partial<TCsvOptions> = {}): string {
  return (options.table ?? "matrix") === "evidence" ? evidenceToCsv(graph, options) : matrixToCsv(graph, options);
}
