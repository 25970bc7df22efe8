import "server-only";
import ELK from "elkjs/lib/elk.bundled.js";
import type { TGraphSelection } from "../../domain/argument-graph";
import { graphToSvg } from "../../export/svg/graph-svg";
import { computeLayout } from "../../graph/layout";
import { layoutInputOf, WIDE_ASPECT } from "../../graph/layout-input";
import { AppError } from "../../errors/app-error";
import type { TWorkspaceRef } from "../authorize";
import { getArgumentGraph } from "../workspaces/get-argument-graph";

/**
 * elkjs's bundled build lays out in the calling thread when there is no Web Worker (as in Node):
 * one instance serves every request. A layout of the page's largest drawing (1,000 nodes) takes
 * about a second (bench/RESULTS.md), during which this process answers nothing else.
 */
let elk: InstanceType<typeof ELK> | null = null;

/**
 * The argument graph as an SVG picture, of the part of the map the graph page would show for the
 * same `?claim=` / `?tag=` (and with the same detail, within its node limit), laid out by the
 * same code as the page's canvas. An unknown claim, or a tag no claim has, is a 404.
 */
export async function drawGraphPicture(workspace: TWorkspaceRef, selection: TGraphSelection, generatedOn?: string): Promise<string> {
  const { scope, graph, view } = await getArgumentGraph(workspace.id, selection);
  if (scope.focus.kind === "claim" && scope.focus.text === null) throw new AppError("NOT_FOUND", "No claim with that id is in this workspace (it may have been deleted).");
  if (scope.focus.kind === "tag" && scope.claimIds.length === 0) throw new AppError("NOT_FOUND", `No claim in this workspace is tagged #${scope.focus.tag}.`);
  elk ??= new ELK();
  const layout = await computeLayout(elk, layoutInputOf(view, WIDE_ASPECT));
  return graphToSvg({ title: graph.workspace.title, view, scope, layout, authors: graph.authors, generatedOn });
}
