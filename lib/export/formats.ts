import type { TExportFormat } from "../domain/export-formats";

/** Every export format the API serves, with its media type and file name ending. */
export const EXPORT_FORMATS: Record<TExportFormat, { mediaType: string; extension: string }> = {
  json: { mediaType: "application/json; charset=utf-8", extension: "stancemap.json" },
  aif: { mediaType: "application/json; charset=utf-8", extension: "aif.json" },
  argdown: { mediaType: "text/plain; charset=utf-8", extension: "argdown" },
  annotations: { mediaType: "application/ld+json; charset=utf-8", extension: "annotations.jsonld" },
  csv: { mediaType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  markdown: { mediaType: "text/markdown; charset=utf-8", extension: "md" },
  svg: { mediaType: "image/svg+xml; charset=utf-8", extension: "svg" },
  png: { mediaType: "image/png", extension: "png" },
  pdf: { mediaType: "application/pdf", extension: "pdf" },
};

/** One entry of the download menu: a format with its options, in words a reader knows. */
export interface TDownload {
  format: TExportFormat;
  query?: string;
  label: string;
  hint: string;
}

/** The download menu's entries for the whole workspace, on every page that has the menu. */
export const DOWNLOADS: TDownload[] = [
  { format: "csv", label: "Matrix (CSV)", hint: "claims × authors, for spreadsheets", query: "bom=1" },
  { format: "csv", label: "Evidence table (CSV)", hint: "one row per quote", query: "table=evidence&bom=1" },
  { format: "markdown", label: "Seminar handout (Markdown)", hint: "positions and quotes with citations" },
  { format: "pdf", label: "Printable handout (PDF, A4)", hint: "a page per claim", query: "paper=a4" },
  { format: "pdf", label: "Printable handout (PDF, Letter)", hint: "a page per claim, US Letter", query: "paper=letter" },
  { format: "png", label: "Matrix picture (PNG)", hint: "for slides", query: "view=matrix" },
  { format: "svg", label: "Matrix picture (SVG)", hint: "scalable, for papers", query: "view=matrix" },
  { format: "argdown", label: "Argdown", hint: "for the Argdown editor and its maps" },
  { format: "aif", label: "AIF (JSON)", hint: "for OVA and AIFdb" },
  { format: "annotations", label: "Web annotations (JSON-LD)", hint: "W3C model, for annotation tools" },
  { format: "json", label: "Stancemap document (JSON)", hint: "complete; imports back into Stancemap" },
  { format: "json", label: "Stancemap document with comments (JSON)", hint: "the same, with the discussion", query: "comments=1" },
];

/**
 * The graph page's own entries: the argument graph as pictures, of the part of the map the page
 * shows (its `?claim=` or `?tag=`, passed on as the export's).
 */
export function graphDownloads(focus: { claim?: string | null; tag?: string | null } = {}): TDownload[] {
  const params = new URLSearchParams({ view: "graph" });
  if (focus.claim) params.set("claim", focus.claim);
  else if (focus.tag) params.set("tag", focus.tag);
  const part = focus.claim ? "this claim and the claims linked to it" : focus.tag ? `the claims tagged #${focus.tag}` : "the whole map";
  return [
    { format: "png", label: "Graph picture (PNG)", hint: `${part} as drawn here, for slides`, query: params.toString() },
    { format: "svg", label: "Graph picture (SVG)", hint: `${part}, scalable, for papers`, query: params.toString() },
  ];
}

/** The file name of a workspace's export, dated so successive downloads do not collide. */
export function exportFileName(slug: string, format: TExportFormat, options: { table?: string; view?: string; paper?: string; date?: Date } = {}): string {
  const day = (options.date ?? new Date()).toISOString().slice(0, 10);
  const part = format === "csv" ? `-${options.table ?? "matrix"}` : format === "svg" || format === "png" ? `-${options.view ?? "matrix"}` : format === "pdf" ? `-handout-${options.paper ?? "a4"}` : "";
  return `${slug}${part}-${day}.${EXPORT_FORMATS[format].extension}`;
}
