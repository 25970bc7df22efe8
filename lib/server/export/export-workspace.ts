import "server-only";
import { toAif } from "../../export/aif/to-aif";
import { toAnnotations } from "../../export/annotations/to-annotations";
import { toArgdown } from "../../export/argdown/to-argdown";
import { toCsv } from "../../export/csv/to-csv";
import { EXPORT_FORMATS, exportFileName } from "../../export/formats";
import { serialiseJsonWithLists, serialiseNativeDocument } from "../../export/json/serialise-native-document";
import { toMarkdown } from "../../export/markdown/to-markdown";
import { matrixToSvg } from "../../export/svg/matrix-svg";
import type { TExportQuery } from "../../schemas/export";
import type { TWorkspaceRef } from "../authorize";
import { getMapGraph } from "../workspaces/get-map-graph";
import { drawGraphPicture } from "./draw-graph-picture";
import { readNativeDocument } from "./read-native-document";
import { renderHandoutPdf } from "./render-pdf";
import { svgToPng } from "./render-png";

export interface TExportFile {
  mediaType: string;
  fileName: string;
  /** The file, piece by piece (a large JSON document is never one string); pictures as bytes. */
  chunks: Iterable<string | Uint8Array>;
}

/**
 * A workspace as a file in one of the export formats. The native document is read with every
 * source text; the graph picture reads the part of the map the graph page would draw; the other
 * formats read the canonical map model (lib/domain/map-graph.ts).
 * `baseUrl` is the app's address, for formats whose ids are URLs (annotations).
 */
export async function exportWorkspace(workspace: TWorkspaceRef, query: TExportQuery, baseUrl: string): Promise<TExportFile> {
  const { format } = query;
  const file = { mediaType: EXPORT_FORMATS[format].mediaType, fileName: exportFileName(workspace.slug, format, { table: query.table, view: query.view, paper: query.paper }) };
  const today = new Date().toISOString().slice(0, 10);
  if (format === "json") return { ...file, chunks: serialiseNativeDocument(await readNativeDocument(workspace.id, { comments: query.comments })) };
  if ((format === "svg" || format === "png") && query.view === "graph") {
    const svg = await drawGraphPicture(workspace, { claimId: query.claim, tag: query.tag }, today);
    return { ...file, chunks: [format === "svg" ? svg : await svgToPng(svg)] };
  }
  const graph = await getMapGraph(workspace.id);
  switch (format) {
    case "aif":
      return { ...file, chunks: serialiseJsonWithLists({}, { ...toAif(graph) }) };
    case "argdown":
      return { ...file, chunks: [toArgdown(graph)] };
    case "annotations":
      return { ...file, chunks: [JSON.stringify(toAnnotations(graph, baseUrl), null, 2)] };
    case "csv":
      return { ...file, chunks: [toCsv(graph, { table: query.table, bom: query.bom })] };
    case "markdown":
      return { ...file, chunks: [toMarkdown(graph, { generatedOn: today })] };
    case "svg":
      return { ...file, chunks: [matrixToSvg(graph, { generatedOn: today })] };
    case "png":
      return { ...file, chunks: [await svgToPng(matrixToSvg(graph, { generatedOn: today }))] };
    case "pdf":
      return { ...file, chunks: [await renderHandoutPdf(graph, { paper: query.paper === "letter" ? "LETTER" : "A4", generatedOn: today })] };
  }
}
