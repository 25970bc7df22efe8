import "server-only";
import type { TGraphSelection } from "../../domain/argument-graph";
import { graphToSvg } from "../../export/svg/graph-svg";
import { computeLayout } from "../../graph/layout";
import { layoutInputOf, WIDE_ASPECT } from "../../graph/layout-input";
import { AppError } from "../../errors/app-error";
import type { TWorkspaceRef } from "../authorize";
import { workerElk } from "./layout-worker";
import { getArgumentGraph } from "../workspaces/get-argument-graph";

/**
 * The argument graph as an SVG picture, of the part of the map the graph page would show for the
 * same `?claim=` / `?tag=` (and with the same detail, within its node limit), laid out by the
 * same code as the page's canvas (ELK in a worker thread, as the page runs it in a Web Worker).
 * An unknown claim, or a tag no claim has, is a 404.
 */
export async function drawGraphPicture(workspace: TWorkspaceRef, selection: TGraphSelection, generatedOn?: string): Promise<string> {
  const { scope, graph, view } = await getArgumentGraph(workspace.id, selection);
  if (scope.focus.kind === "claim" && scope.focus.text === null) throw new AppError("NOT_FOUND", "No claim with that id is in this workspace (it may have been deleted).");
  if (scope.focus.kind === "tag" && scope.claimIds.length === 0) throw new AppError("NOT_FOUND", `No claim in this workspace is tagged #${scope.focus.tag}.`);
  const layout = await computeLayout(workerElk, layoutInputOf(view, WIDE_ASPECT));
  return graphToSvg({ title: graph.workspace.title, view, scope, layout, authors: graph.authors, generatedOn });
}
