import "server-only";
import { toAnnotations } from "../../export/annotations/to-annotations";
import { EXPORT_FORMATS, exportFileName } from "../../export/formats";
import { toMarkdown } from "../../export/markdown/to-markdown";
import { matrixToSvg } from "../../export/svg/matrix-svg";
import type { TExportQuery } from "../../schemas/export";
import type { TWorkspaceRef } from "../authorize";
import { releasingWhenDone, takeHeavySlot } from "../heavy-reads";
import { getMapGraph } from "../workspaces/get-map-graph";
import { drawGraphPicture } from "./draw-graph-picture";
import { renderHandoutPdf } from "./render-pdf";
import { PNG_MAX_SIDE, PNG_OVERVIEW_MAX_SIDE, svgToPng } from "./render-png";
import { isStreamedFormat, streamExport } from "./stream-export";

export interface TExportFile {
  mediaType: string;
  fileName: string;
  /**
   * The file, piece by piece; pictures as bytes. The large formats come as they are read from
   * the database (asynchronously), so a large workspace is never one string in memory.
   */
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
  /**
   * Extra response headers: the graph picture says what it drew, `X-Stancemap-Drawn: 6000 nodes
   * (1000 claims, 5000 passages)`, and `X-Stancemap-Detail: excerpts` (every passage drawn),
   * `authors` (an author's passages on a claim counted in one node) or `claims` (claims alone).
   */
  headers?: Record<string, string>;
}

/**
 * A workspace as a file in one of the export formats. JSON (the native document), AIF, Argdown
 * and CSV are streamed from one database snapshot (stream-export.ts); the graph picture reads the
 * part of the map the graph page would draw; the others read the canonical map model
 * (lib/domain/map-graph.ts).
 * `baseUrl` is the app's address, for formats whose ids are URLs (annotations). Each export takes
 * a heavy-read slot for `caller` until its last piece is read (heavy-reads.ts).
 */
export async function exportWorkspace(workspace: TWorkspaceRef, query: TExportQuery, baseUrl: string, caller: string): Promise<TExportFile> {
  const release = await takeHeavySlot(isStreamedFormat(query.format) ? "export" : "picture", caller);
  try {
    const file = await makeExport(workspace, query, baseUrl);
    return { ...file, chunks: releasingWhenDone(file.chunks, release) };
  } catch (error) {
    release();
    throw error;
  }
}

async function makeExport(workspace: TWorkspaceRef, query: TExportQuery, baseUrl: string): Promise<TExportFile> {
  const { format } = query;
  const file = { mediaType: EXPORT_FORMATS[format].mediaType, fileName: exportFileName(workspace.slug, format, { table: query.table, view: query.view, paper: query.paper }) };
  const today = new Date().toISOString().slice(0, 10);
  if (isStreamedFormat(format)) return { ...file, chunks: streamExport(workspace.id, { ...query, format }) };
  if ((format === "svg" || format === "png") && query.view === "graph") {
    const { svg, drawn, wordsAsLines } = await drawGraphPicture(workspace, { claimId: query.claim, tag: query.tag }, { generatedOn: today, forRaster: format === "png" });
    const parts = [`${drawn.claims} claims`, ...(drawn.passages > 0 ? [`${drawn.passages} passages`] : []), ...(drawn.authorCounts > 0 ? [`${drawn.authorCounts} author counts`] : [])];
    const headers = { "x-stancemap-drawn": `${drawn.nodes} nodes (${parts.join(", ")})`, "x-stancemap-detail": drawn.detail };
    return { ...file, chunks: [format === "svg" ? svg : await svgToPng(svg, 2, wordsAsLines ? PNG_OVERVIEW_MAX_SIDE : PNG_MAX_SIDE)], headers };
  }
  const graph = await getMapGraph(workspace.id);
  switch (format) {
    case "annotations":
      return { ...file, chunks: [JSON.stringify(toAnnotations(graph, baseUrl), null, 2)] };
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
