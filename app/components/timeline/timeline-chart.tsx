import { Link } from "@/app/components/app-link";
import { labelPublished } from "@/lib/domain/dates";
import { assignLanes, placeOnAxis, type TTimeAxis } from "@/lib/domain/timeline";
import type { TMatrixAuthor } from "@/lib/domain/matrix";
import type { TTimelineClaim } from "@/lib/server/timeline/get-timeline";
import { excerptHref } from "../quote-card";
import { STANCE_ICON, STANCE_LABEL } from "../stance";
import { MARK_CLASS } from "./timeline-marks";

/** The width labels are laid out for (with and without a column of claims); wider screens only add room between them. */
const NOMINAL_TRACK_PX = { labelled: 760, alone: 1000 };
const MARK_BAND_PX = 22;
const LANE_PX = 18;

interface TProps {
  slug: string;
  axis: TTimeAxis;
  authors: TMatrixAuthor[];
  claims: TTimelineClaim[];
  accents: Map<string, string>;
  /** With several claims each row is labelled with its claim. */
  labelRows: boolean;
}

/**
 * The time axis: a row per claim, a mark per source at its date — a dot for a known day, a bar
 * over the month or the year when only those are known. It is a picture of the list that follows
 * (which is what assistive technology reads), so it is hidden from it and its links skip the tab order.
 * It needs a laptop's width; narrower screens read the list alone.
 */
export function TimelineChart({ slug, axis, authors, claims, accents, labelRows }: TProps) {
  const names = new Map(authors.map((a) => [a.id, a.shortName]));
  const grid = labelRows ? "grid grid-cols-[13rem_minmax(0,1fr)] gap-x-5 xl:grid-cols-[16rem_minmax(0,1fr)]" : "grid grid-cols-1";
  return (
    <div aria-hidden="true" data-testid="timeline-chart" className="hidden lg:block">
      <div className={grid}>
        {labelRows && <div />}
        <div className="relative h-7 border-b border-slate-300 dark:border-slate-700">
          {axis.ticks.map((tick) => (
            <span
              key={tick.year}
              data-testid="timeline-tick"
              className="absolute bottom-1 pl-1 text-xs tabular-nums text-slate-500 dark:text-slate-400"
              style={{ left: `${tick.at * 100}%` }}
            >
              {tick.year}
            </span>
          ))}
        </div>
        {claims.map((claim) => (
          <ChartRow key={claim.id} slug={slug} axis={axis} claim={claim} names={names} accents={accents} label={labelRows} trackPx={labelRows ? NOMINAL_TRACK_PX.labelled : NOMINAL_TRACK_PX.alone} />
        ))}
      </div>
    </div>
  );
}

function ChartRow(props: { slug: string; axis: TTimeAxis; claim: TTimelineClaim; names: Map<string, string>; accents: Map<string, string>; label: boolean; trackPx: number }) {
  const { slug, axis, claim, names, accents, label, trackPx } = props;
  const placed = claim.marks.map((mark) => {
    const span = placeOnAxis(mark, axis);
    const point = mark.precision === "DAY";
    const anchor = point ? (span.start + span.end) / 2 : span.start;
    const text = `${STANCE_ICON[mark.stance]} ${names.get(mark.authorId) ?? ""}`;
    const width = (text.length * 7 + 10) / trackPx;
    const start = Math.max(0, Math.min(anchor - (point ? 7 / trackPx : 0), 1 - width));
    return { mark, span, point, text, label: { start, end: start + width } };
  });
  const lanes = assignLanes(placed.map((p) => p.label), 4 / trackPx);
  const height = MARK_BAND_PX + (Math.max(0, ...lanes) + 1) * LANE_PX + 8;
  return (
    <>
      {label && (
        <div className="border-b border-slate-200 py-2 pr-2 text-sm leading-snug text-slate-700 dark:border-slate-800 dark:text-slate-300">
          <span className="line-clamp-3" title={claim.text}>
            {claim.text}
          </span>
        </div>
      )}
      <div data-testid="timeline-row" data-claim-id={claim.id} className="relative border-b border-slate-200 dark:border-slate-800" style={{ height }}>
        {axis.ticks.map((tick) => (
          <span key={tick.year} className="absolute top-0 bottom-0 border-l border-slate-100 dark:border-slate-800/70" style={{ left: `${tick.at * 100}%` }} />
        ))}
        {placed.map(({ mark, span, point, text, label: extent }, i) => {
          const title = `${names.get(mark.authorId)} · ${labelPublished(mark.published)} · ${STANCE_LABEL[mark.stance]}`;
          const shape = point
            ? { className: "size-3.5 -translate-x-1/2 rounded-full", style: { left: `${((span.start + span.end) / 2) * 100}%`, top: 4 } }
            : { className: "h-2.5 min-w-1.5 rounded-sm", style: { left: `${span.start * 100}%`, width: `${(span.end - span.start) * 100}%`, top: 6 } };
          const common = {
            "data-testid": "timeline-mark",
            "data-author-id": mark.authorId,
            "data-source-id": mark.sourceId,
            "data-published": mark.published,
            "data-precision": mark.precision,
            "data-stance": mark.stance,
            title,
            className: `absolute block ${shape.className} ${MARK_CLASS[mark.stance]}`,
            style: shape.style,
          };
          return (
            <span key={mark.sourceId}>
              {mark.excerptId ? <Link {...common} href={excerptHref(slug, mark.sourceId, mark.excerptId)} tabIndex={-1} /> : <span {...common} />}
              <span
                className="absolute inline-flex items-center gap-1 whitespace-nowrap text-xs font-medium text-slate-700 dark:text-slate-300"
                style={{ left: `${extent.start * 100}%`, top: MARK_BAND_PX + lanes[i] * LANE_PX }}
                title={title}
              >
                <span className="inline-block size-2 shrink-0 rounded-full" style={{ backgroundColor: accents.get(mark.authorId) }} />
                {text}
              </span>
            </span>
          );
        })}
      </div>
    </>
  );
}
