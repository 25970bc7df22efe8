import "server-only";
import { prismaRows } from "../../db/client";
import type { TMapExcerpt, TMapEvidence, TMapGraph } from "../../domain/map-graph";
import { mapEvidenceSql, mapExcerptsSql, readMapOutline } from "./read-map-outline";

export interface TMapGraphScope {
  /**
   * Only these claims, with their evidence, the excerpts behind it, their positions and the links
   * between them (authors and sources stay complete). Views of very large maps use it; exports
   * leave it out and get the whole map.
   */
  claimIds?: readonly string[];
  /** False leaves excerpts and evidence out (positions still count them). Default true. */
  evidence?: boolean;
}

/**
 * The canonical map model of a workspace (see lib/domain/map-graph.ts), read in one round of
 * parallel queries: the outline by the same `readMapOutline` as the streamed exports, excerpts
 * and evidence by the same queries as theirs. Only live rows (lib/db/live-rows.ts); positions are
 * resolved by the same `buildMatrix` as the matrix, from evidence the database has already
 * grouped by (claim, author, stance, voice).
 */
export async function getMapGraph(workspaceId: string, scope: TMapGraphScope = {}): Promise<TMapGraph> {
  const withEvidence = scope.evidence ?? true;
  const [outline, excerpts, evidence] = await Promise.all([
    readMapOutline(prismaRows, workspaceId, { claimIds: scope.claimIds, positions: true }),
    withEvidence ? prismaRows.rows<TMapExcerpt>(mapExcerptsSql(workspaceId, scope)) : [],
    withEvidence ? prismaRows.rows<TMapEvidence>(mapEvidenceSql(workspaceId, scope)) : [],
  ]);
  const { workspace, authors, sources, claims, claimLinks, positions } = outline;
  return { workspace, authors, sources, claims, claimLinks, excerpts, evidence, positions };
}
