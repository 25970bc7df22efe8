import "server-only";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { GRAPH_NODE_LIMIT, GRAPH_PICTURE_NODE_LIMIT, type TGraphSelection } from "../../domain/argument-graph";
import { drawGraphSvg } from "../../export/svg/graph-svg";
import { layoutBesideClaims } from "../../graph/cluster-layout";
import { computeLayout } from "../../graph/layout";
import { layoutInputOf, WIDE_ASPECT } from "../../graph/layout-input";
import { countDrawn, type TDrawnCount } from "../../graph/text";
import { AppError } from "../../errors/app-error";
import type { TWorkspaceRef } from "../authorize";
import { createTimeSlicer } from "../workers/time-slicer";
import { workerElk } from "./layout-worker";
import { getArgumentGraph } from "../workspaces/get-argument-graph";

/**
 * The most cards whose words a PNG draws as words. resvg turns each line of text into glyphs at
 * about a millisecond a line (Inter's tables are parsed for every run of text), so a thousand
 * claims cost seconds; beyond this many cards the PNG draws their words as bars of their length
 * (at the size such a PNG is scaled to, they could hardly be read), and says so. The SVG keeps
 * every word.
 */
export const RASTER_WORDS_LIMIT = 400;

/** 6,000 cards are drawn in well under a second; a drawing still going after this is stopped (422). */
const DRAWING_DEADLINE_MS = 30_000;

export interface TGraphPictureFile {
  svg: string;
  /** What the picture holds (also said in its caption). */
  drawn: TDrawnCount;
  /** Whether the cards' words are drawn as lines (a raster overview of a large map). */
  wordsAsLines: boolean;
}

/**
 * The argument graph as an SVG picture, of the part of the map the graph page would show for the
 * same `?claim=` / `?tag=`, with every claim and passage up to `GRAPH_PICTURE_NODE_LIMIT` nodes
 * (beyond it, folded as the page folds). What the page draws itself (author boxes, up to its own
 * node limit) is laid out by the page's code, so picture and page agree; a larger drawing has each
 * passage beside its claim (`layoutBesideClaims`), as does a drawing of claims alone. Neither
 * calls ELK for a drawing with author boxes; claims alone on the page's scale would, so they take
 * the plain layout here. An unknown claim, or a tag no claim has, is a 404.
 */
export async function drawGraphPicture(workspace: TWorkspaceRef, selection: TGraphSelection, options: { generatedOn?: string; forRaster?: boolean } = {}): Promise<TGraphPictureFile> {
  const { scope, graph, view } = await getArgumentGraph(workspace.id, selection, GRAPH_PICTURE_NODE_LIMIT);
  if (scope.focus.kind === "claim" && scope.focus.text === null) throw new AppError("NOT_FOUND", "No claim with that id is in this workspace (it may have been deleted).");
  if (scope.focus.kind === "tag" && scope.claimIds.length === 0) throw new AppError("NOT_FOUND", `No claim in this workspace is tagged #${scope.focus.tag}.`);
  // Each step of a large picture takes tens of milliseconds: other requests go in between.
  await yieldToOthers();
  const input = layoutInputOf(view, WIDE_ASPECT);
  // Measuring 6,000 cards' words and placing them are each tens of milliseconds: not in one turn.
  await yieldToOthers();
  const asOnThePage = view.groups.length > 0 && view.nodes.length <= GRAPH_NODE_LIMIT;
  const layout = asOnThePage ? await computeLayout(workerElk, input) : layoutBesideClaims(input);
  await yieldToOthers();
  const wordsAsLines = options.forRaster === true && view.nodes.length > RASTER_WORDS_LIMIT;
  // Drawn in steps, giving the thread back to other requests every 20 ms.
  const slicer = createTimeSlicer({ deadlineMs: DRAWING_DEADLINE_MS, what: "drawing the graph" });
  const drawing = drawGraphSvg({ title: graph.workspace.title, view, scope, layout, authors: graph.authors, generatedOn: options.generatedOn, wordsAsLines });
  for (;;) {
    const step = drawing.next();
    if (step.done) return { svg: step.value, drawn: countDrawn(view), wordsAsLines };
    await slicer.tick();
  }
}
