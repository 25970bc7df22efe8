"use client";
import "@xyflow/react/dist/style.css";
import "./graph-canvas.css";
import { Background, Controls, ReactFlow, ReactFlowProvider, useStore } from "@xyflow/react";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { TArgumentGraph } from "@/lib/domain/argument-graph";
import { layoutInputOf, layoutKey, WIDE_ASPECT } from "@/lib/graph/layout-input";
import { flowEdgesOf, flowNodesOf, type TGraphAuthor } from "./graph-elements";
import { NODE_TYPES } from "./graph-nodes";
import { useGraphLayout } from "./use-graph-layout";

/** Room around the laid-out drawing for arrowheads and edge labels (see graph-canvas.css). */
const DRAWING_MARGIN = 64;

/** Below this zoom a node's text is too small to read (16 px at 0.3 is under 5 px): draw blocks. */
const FAR_ZOOM = 0.3;

/**
 * The argument graph on a pannable, zoomable canvas (xyflow), laid out by ELK in a worker. Live
 * updates arrive as new props: a change that keeps the set of nodes and edges redraws in place;
 * one that adds or removes some keeps the current drawing (and the reader's viewport) until the
 * new layout is ready.
 */
export function ArgumentGraphCanvas(props: { slug: string; view: TArgumentGraph; authors: TGraphAuthor[] }) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ slug, view, authors }: { slug: string; view: TArgumentGraph; authors: TGraphAuthor[] }) {
  const box = useRef<HTMLDivElement>(null);
  const aspect = useCanvasAspect(box);
  const authorMap = useMemo(() => new Map(authors.map((a) => [a.id, a])), [authors]);
  const input = useMemo(() => layoutInputOf(view, aspect ?? WIDE_ASPECT), [view, aspect]);
  const key = useMemo(() => layoutKey(input), [input]);
  const { state, laidOut } = useGraphLayout(input, aspect === null ? "" : key);
  const nodes = useMemo(() => (laidOut ? flowNodesOf(view, laidOut.result, slug, authorMap) : []), [view, laidOut, slug, authorMap]);
  const edges = useMemo(() => {
    const placed = new Set(nodes.map((n) => n.id));
    return flowEdgesOf(view, authorMap).filter((e) => placed.has(e.source) && placed.has(e.target));
  }, [view, nodes, authorMap]);

  const count = view.nodes.length + view.groups.length;
  const busy = state.status === "running";
  return (
    <div
      ref={box}
      data-testid="graph-canvas"
      data-layout={state.status}
      data-layout-key={laidOut?.key === key ? "current" : "stale"}
      style={laidOut ? ({ "--graph-w": `${Math.ceil(laidOut.result.width) + DRAWING_MARGIN}px`, "--graph-h": `${Math.ceil(laidOut.result.height) + DRAWING_MARGIN}px` } as React.CSSProperties) : undefined}
      className="graph-canvas group/canvas relative h-[68svh] min-h-[22rem] overflow-hidden rounded-lg border border-slate-200 bg-white [--graph-label-bg:#ffffff] sm:h-[calc(100svh-12rem)] sm:min-h-[30rem] dark:border-slate-800 dark:bg-slate-950 dark:[--graph-label-bg:#020617]"
    >
      {aspect !== null && (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          fitView
          fitViewOptions={{ padding: 0.03 }}
          minZoom={0.05}
          maxZoom={2.5}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          colorMode="system"
          aria-label="Argument graph: drag to pan, pinch or scroll to zoom, Tab to move between claims and passages"
        >
          <Background gap={24} size={1} />
          <FarMarker box={box} />
          <Controls showInteractive={false} position="bottom-left" />
        </ReactFlow>
      )}
      <p className="pointer-events-none absolute top-2 left-2 hidden rounded-md bg-white/90 px-2 py-1 text-xs text-slate-600 shadow-sm group-data-[far=true]/canvas:block dark:bg-slate-900/90 dark:text-slate-300">
        Zoomed out: pinch, scroll or press + to read the claims and passages.
      </p>
      {busy && !laidOut && (
        <div role="status" data-testid="graph-progress" className="absolute inset-0 flex items-center justify-center bg-white/80 text-sm font-medium text-slate-600 dark:bg-slate-950/80 dark:text-slate-300">
          Laying out {count.toLocaleString("en")} nodes…
        </div>
      )}
      {busy && laidOut && (
        <p role="status" className="absolute top-2 right-2 rounded-md bg-white/90 px-2 py-1 text-xs text-slate-600 shadow-sm dark:bg-slate-900/90 dark:text-slate-300">
          Updating the layout…
        </p>
      )}
      {state.status === "error" && (
        <div role="alert" data-testid="graph-error" className="absolute inset-x-0 top-0 m-3 rounded-md border border-opposes bg-opposes-soft p-3 text-sm text-slate-900 dark:text-slate-100">
          <p className="font-semibold">The graph could not be laid out.</p>
          <p className="mt-1">
            {state.message} Reload the page to try again; the list below the graph shows the same claims, passages and links.
          </p>
        </div>
      )}
    </div>
  );
}

/** Marks the canvas `data-far` while zoomed out beyond reading (nodes then draw as plain blocks). */
function FarMarker({ box }: { box: React.RefObject<HTMLDivElement | null> }) {
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  useEffect(() => {
    box.current?.setAttribute("data-far", String(far));
  }, [box, far]);
  return null;
}

/**
 * The canvas's width / height, measured once before the first layout (the layout packs the
 * drawing to fit that shape). Not re-measured on resize: a new shape would mean a new layout
 * under the reader's eyes.
 */
function useCanvasAspect(box: React.RefObject<HTMLDivElement | null>): number | null {
  const [aspect, setAspect] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || aspect !== null) return;
    const { width, height } = el.getBoundingClientRect();
    setAspect(width > 0 && height > 0 ? Math.min(2.6, Math.max(0.5, width / height)) : WIDE_ASPECT);
  }, [box, aspect]);
  return aspect;
}
