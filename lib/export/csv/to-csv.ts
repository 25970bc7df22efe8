import { stringify } from "csv-stringify/sync";
import { pageAt } from "../../domain/pages";
import { citationsOf, type TMapCitation, type TMapGraph, type TMapOutline } from "../../domain/map-graph";
import { STANCE_LABEL } from "../../domain/stance-words";
import { readMap } from "../map-reading";
import { writeText, type TTextWriter } from "../text-writer";

export interface TCsvOptions {
  /** `matrix`: one row per claim, one column per author; `evidence`: one row per evidence link. */
  table: "matrix" | "evidence";
  /** Start with a UTF-8 byte order mark, so spreadsheet programs read accents and dashes right. */
  bom: boolean;
}

export const CSV_DEFAULTS: TCsvOptions = { table: "matrix", bom: false };

/** What a spreadsheet takes for the start of a formula (tab and carriage return included). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would evaluate (`=HYPERLINK(…)`) starts with an apostrophe, which makes it
 * text, as OWASP advises: quoting alone does not stop Excel or LibreOffice. Only the CSVs do
 * this; every other export keeps the text as written.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted. */
function write(rows: (string | number)[][], bom: boolean): string {
  return stringify(rows, { record_delimiter: "windows", bom, cast: { string: neutraliseFormula } });
}

/**
 * The matrix as CSV: a header of authors ("Katz (2008)") and one row per claim with each author's
 * position; a position set by hand is marked "(set by hand)". Cells a spreadsheet would take for
 * a formula start with an apostrophe.
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

/** Every evidence link as a row: claim, author, source, date, stance, voice, quote, offsets, note, and the quote's page (empty for a source without pages; last, so columns read by position keep their place). */
export function evidenceToCsv(graph: TMapGraph, options: Partial<TCsvOptions> = {}): string {
  return writeText(evidenceCsvWriter(graph, options), citationsOf(graph));
}

const EVIDENCE_HEADER = ["Claim", "Author", "Source", "Published", "Stance", "Voice", "Quote", "Start", "End", "Note", "Page"];

/** `evidenceToCsv` in pieces: the header, then the rows of a page of citations (in the map's order) at a time. */
export function evidenceCsvWriter(outline: TMapOutline, options: Partial<TCsvOptions> = {}): TTextWriter<TMapCitation> {
  const claims = new Map(outline.claims.map((c) => [c.id, c]));
  const sources = new Map(outline.sources.map((s) => [s.id, s]));
  const authors = new Map(outline.authors.map((a) => [a.id, a]));
  return {
    head: () => write([EVIDENCE_HEADER], options.bom ?? false),
    rows(page) {
      const rows: (string | number)[][] = [];
      for (const e of page) {
        const claim = claims.get(e.claimId);
        const source = sources.get(e.sourceId);
        const author = source && authors.get(source.authorId);
        if (!claim || !source) continue;
        rows.push([claim.text, author?.name ?? "", source.title, source.published, e.stance.toLowerCase(), e.voice.toLowerCase(), e.exact, e.start, e.end, e.note ?? "", pageAt(source.pages, e.start) ?? ""]);
      }
      return write(rows, false);
    },
    end: () => "",
  };
}

export function toCsv(graph: TMapGraph, options: Partial<TCsvOptions> = {}): string {
  return (options.table ?? "matrix") === "evidence" ? evidenceToCsv(graph, options) : matrixToCsv(graph, options);
}
