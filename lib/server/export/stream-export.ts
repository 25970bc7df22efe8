import "server-only";
import { readSnapshot } from "../../db/snapshot";
import type { TMapCitation } from "../../domain/map-graph";
import { streamAif } from "../../export/aif/to-aif";
import { argdownWriter } from "../../export/argdown/to-argdown";
import { evidenceCsvWriter, matrixToCsv } from "../../export/csv/to-csv";
import type { TExportFormat } from "../../domain/export-formats";
import { streamText } from "../../export/text-writer";
import type { TExportQuery } from "../../schemas/export";
import { mapCitationsSql, readMapOutline } from "../workspaces/read-map-outline";
import { streamNativeDocument } from "./stream-native-document";

/** The formats streamed from the database row by row (the large ones: a map's every quote). */
const STREAMED = ["json", "aif", "argdown", "csv"] as const satisfies readonly TExportFormat[];

export type TStreamedFormat = (typeof STREAMED)[number];

export function isStreamedFormat(format: TExportFormat): format is TStreamedFormat {
  return (STREAMED as readonly TExportFormat[]).includes(format);
}

/** Size of the pieces a streamed JSON export is handed on in. */
const JSON_CHUNK = 256 * 1024;

/**
 * An export read in one REPEATABLE READ snapshot and written as it is read: the map's outline
 * (workspace, authors, sources, claims, links) whole, by the same reader as the pages' map
 * (getMapGraph), its evidence with the quotes page by page through a cursor, each page formatted
 * and handed on before the next is needed. Neither the whole map nor the whole file is ever in
 * memory at once.
 */
export function streamExport(workspaceId: string, query: TExportQuery & { format: TStreamedFormat }): AsyncGenerator<string> {
  if (query.format === "json") return streamNativeDocument(workspaceId, { comments: query.comments });
  const { format, table, bom } = query;
  return readSnapshot(async function* (snapshot) {
    const outline = await readMapOutline(snapshot, workspaceId, { positions: format === "csv" && table === "matrix" });
    const citations = () => snapshot.pages<TMapCitation>(mapCitationsSql(workspaceId));
    if (format === "csv") {
      if (table === "matrix") yield matrixToCsv({ ...outline, excerpts: [], evidence: [] }, { bom });
      else yield* streamText(evidenceCsvWriter(outline, { bom }), citations());
    } else if (format === "argdown") {
      yield* streamText(argdownWriter(outline), citations());
    } else {
      yield* streamAif(outline, citations(), JSON_CHUNK);
    }
  });
}
