import "server-only";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { buildArgumentGraph, scopeArgumentGraph, type TArgumentGraph, type TGraphOutline, type TGraphScope, type TGraphSelection } from "../../domain/argument-graph";
import type { TMapGraph } from "../../domain/map-graph";
import { getGraphOutline } from "./get-graph-outline";
import { getMapGraph } from "./get-map-graph";

export interface TArgumentGraphRead {
  outline: TGraphOutline;
  /** The part of the map drawn and its detail (see `scopeArgumentGraph`). */
  scope: TGraphScope;
  /** The map model of the drawn claims (authors and sources complete). */
  graph: TMapGraph;
  view: TArgumentGraph;
}

/**
 * The argument graph of a workspace as the graph page draws it, for the page and for the graph
 * picture alike: the outline decides, without reading any excerpt, which claims and how much
 * detail fit within the node limit (a claim's neighbourhood or a tag when asked), then only those
 * claims are read — their excerpts only when each is drawn as its own node. `limit` is the most
 * nodes to draw (the page's limit unless given: the picture draws more).
 */
export async function getArgumentGraph(workspaceId: string, selection: TGraphSelection = {}, limit?: number): Promise<TArgumentGraphRead> {
  const outline = await getGraphOutline(workspaceId);
  const scope = scopeArgumentGraph(outline, selection, limit);
  const graph = await getMapGraph(workspaceId, { claimIds: scope.whole ? undefined : scope.claimIds, evidence: scope.detail === "excerpts" });
  // Building 6,000 nodes takes tens of milliseconds: not in the same turn as reading the rows.
  await yieldToOthers();
  return { outline, scope, graph, view: buildArgumentGraph(graph, { detail: scope.detail }) };
}
