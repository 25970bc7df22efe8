import type { TGraphDetail } from "@/lib/domain/argument-graph";
import type { TPositionStance } from "@/lib/domain/types";
import { EDGE_LOOK, EDGE_WIDTH } from "@/lib/graph/edge-style";

/** A short sample of an edge as the canvas draws it. */
function Line({ stance, width, opacity = 1 }: { stance: TPositionStance; width: number; opacity?: number }) {
  const look = EDGE_LOOK[stance];
  return (
    <svg aria-hidden="true" width="56" height="12" viewBox="0 0 56 12" className="shrink-0">
      <line x1="2" y1="6" x2="46" y2="6" stroke={look.colour} strokeWidth={width} strokeDasharray={look.dash} strokeLinecap="round" opacity={opacity} />
      <path d="M46 1 L54 6 L46 11 Z" fill={look.colour} />
    </svg>
  );
}

const EVIDENCE_ROWS: { stance: TPositionStance; text: string }[] = [
  { stance: "SUPPORTS", text: "supports the claim" },
  { stance: "OPPOSES", text: "opposes (attacks) the claim" },
  { stance: "QUALIFIES", text: "qualifies the claim" },
];

/** What the colours, line patterns and boxes of the graph mean — in words, not by colour alone. */
export function GraphLegend({ detail }: { detail: TGraphDetail }) {
  return (
    <section aria-labelledby="graph-legend-heading" data-testid="graph-legend" className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
      <h2 id="graph-legend-heading" className="mb-3 font-semibold">How to read the graph</h2>
      <div className="grid gap-x-8 gap-y-4 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {detail === "authors" ? "An author's evidence → claim" : detail === "claims" ? "Lines" : "Passage → claim"}
          </h3>
          <ul className="flex flex-col gap-1.5">
            {detail !== "claims" &&
              EVIDENCE_ROWS.map((row) => (
                <li key={row.stance} className="flex items-center gap-2">
                  <Line stance={row.stance} width={EDGE_WIDTH.author} />
                  <span>
                    <span className="font-medium">{EDGE_LOOK[row.stance].line}</span>
                    <span className="text-slate-600 dark:text-slate-400"> — {row.text}</span>
                  </span>
                </li>
              ))}
            {detail === "excerpts" && (
              <li className="flex items-center gap-2">
                <Line stance="SUPPORTS" width={EDGE_WIDTH.reported} opacity={0.8} />
                <span>
                  <span className="font-medium">thin line</span>
                  <span className="text-slate-600 dark:text-slate-400"> — a view the author reports without holding it (marked “reported” on the passage)</span>
                </span>
              </li>
            )}
            {detail === "authors" && (
              <>
                <li className="flex items-center gap-2">
                  <Line stance="MIXED" width={EDGE_WIDTH.author} />
                  <span>
                    <span className="font-medium">{EDGE_LOOK.MIXED.line}</span>
                    <span className="text-slate-600 dark:text-slate-400"> — the author argues both for and against</span>
                  </span>
                </li>
                <li className="flex items-center gap-2">
                  <Line stance="SILENT" width={EDGE_WIDTH.author} />
                  <span>
                    <span className="font-medium">{EDGE_LOOK.SILENT.line}</span>
                    <span className="text-slate-600 dark:text-slate-400"> — the author only reports others’ views</span>
                  </span>
                </li>
              </>
            )}
            <li className="flex items-center gap-2">
              <Line stance="SUPPORTS" width={EDGE_WIDTH.link} />
              <span>
                <span className="font-medium">bold line labelled “supports” or “opposes”</span>
                <span className="text-slate-600 dark:text-slate-400"> — one claim supports or opposes another (dashed when it opposes)</span>
              </span>
            </li>
          </ul>
        </div>
        <div>
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Boxes</h3>
          <ul className="flex flex-col gap-1.5 text-slate-600 dark:text-slate-400">
            <li>
              <span className="font-medium text-slate-900 dark:text-slate-100">Claims</span> (bold text) show how many authors support (✓), oppose (✕) or qualify (~) them; “Split” marks a
              claim the authors disagree on.
            </li>
            {detail !== "claims" && (
              <li>
                <span className="font-medium text-slate-900 dark:text-slate-100">
                  {detail === "authors" ? "Counts" : "Passages"}
                </span>{" "}
                sit in a framed box per author, marked with the author’s colour and short name, oldest author first.
                {detail === "excerpts" && (
                  <> Each passage’s marks say what it does for each claim it backs: ✓ supports, ✕ opposes, ~ qualifies; a dashed mark with “R” is a reported view.</>
                )}
              </li>
            )}
            <li>Select a claim to open it, or a passage to read it in its source. Drag to pan; pinch, scroll or use + and − to zoom; the square button fits the whole map.</li>
            <li>Zoomed far out, claims and passages are drawn as plain blocks (grey for claims, the author’s colour for passages) and every line is drawn solid; zoom in to read them and to see the line patterns.</li>
          </ul>
        </div>
      </div>
    </section>
  );
}
