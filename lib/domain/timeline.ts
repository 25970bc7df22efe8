import type { TPublished } from "./dates";
import { derivePosition } from "./position";
import type { TPositionStance, TStance, TVoice } from "./types";

export interface TTimelineInput {
  authorId: string;
  stance: TPositionStance;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  published: TPublished;
}

export interface TTimelinePoint extends TTimelineInput {
  precision: "YEAR" | "MONTH" | "DAY";
  /** First and last day the date can mean (ISO dates), so a year-only date spans its year. */
  from: string;
  to: string;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The span a publication date covers at its precision. */
export function spanOf(published: TPublished): Pick<TTimelinePoint, "precision" | "from" | "to"> {
  const [y, m, d] = published.split("-");
  if (d) return { precision: "DAY", from: published, to: published };
  if (m) return { precision: "MONTH", from: `${y}-${m}-01`, to: `${y}-${m}-${String(lastDayOfMonth(Number(y), Number(m))).padStart(2, "0")}` };
  return { precision: "YEAR", from: `${y}-01-01`, to: `${y}-12-31` };
}

/**
 * Places each author's position at its source's date, in time order. Dates known only to the month
 * or year keep that span rather than a made-up day; ties sort by the start of the span, then the
 * narrower span first, then author.
 */
export function placeOnTimeline<T extends Pick<TTimelineInput, "authorId" | "published">>(points: readonly T[]): (T & Pick<TTimelinePoint, "precision" | "from" | "to">)[] {
  return points
    .map((p) => ({ ...p, ...spanOf(p.published) }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.authorId.localeCompare(b.authorId));
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date ("YYYY-MM-DD"). */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export interface TTimeAxis {
  /** First day shown: 1 January of the earliest year. */
  from: string;
  /** The day after the last one shown: 1 January after the latest year. */
  to: string;
  /** Year marks at the start of each labelled year, with their place on the axis (0..1). */
  ticks: { year: number; at: number }[];
}

/** Years between labelled ticks, so that a long axis keeps about twenty labels at most. */
const TICK_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];

/**
 * The axis for a set of spans: whole years from the earliest to the latest, with year ticks.
 * Null when there is nothing to place.
 */
export function axisOf(spans: readonly Pick<TTimelinePoint, "from" | "to">[]): TTimeAxis | null {
  if (spans.length === 0) return null;
  const first = Math.min(...spans.map((s) => Number(s.from.slice(0, 4))));
  const last = Math.max(...spans.map((s) => Number(s.to.slice(0, 4))));
  const years = last - first + 1;
  const step = TICK_STEPS.find((s) => years / s <= 20) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const axis = { from: `${String(first).padStart(4, "0")}-01-01`, to: `${String(last + 1).padStart(4, "0")}-01-01` };
  const ticks: TTimeAxis["ticks"] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    ticks.push({ year, at: placeOnAxis({ from: `${String(year).padStart(4, "0")}-01-01`, to: `${String(year).padStart(4, "0")}-01-01` }, axis).start });
  }
  if (ticks[0]?.year !== first) ticks.unshift({ year: first, at: 0 });
  return { ...axis, ticks };
}

/**
 * Where a span sits on an axis, as fractions of its length: `start` at the beginning of its first
 * day, `end` at the end of its last day (a day-precise date is a sliver, a year a wide band).
 * Values are clamped to 0..1.
 */
export function placeOnAxis(span: Pick<TTimelinePoint, "from" | "to">, axis: Pick<TTimeAxis, "from" | "to">): { start: number; end: number } {
  const origin = dayNumber(axis.from);
  const length = dayNumber(axis.to) - origin;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  if (length <= 0) return { start: 0, end: 1 };
  return { start: clamp((dayNumber(span.from) - origin) / length), end: clamp((dayNumber(span.to) + 1 - origin) / length) };
}

/**
 * Stacks labels into lanes so none overlap: each extent (fractions of the axis, in reading order)
 * goes into the first lane whose last label ends at least `gap` before it starts.
 * Returns each extent's lane (0 = first).
 */
export function assignLanes(extents: readonly { start: number; end: number }[], gap = 0): number[] {
  const laneEnds: number[] = [];
  return extents.map(({ start, end }) => {
    let lane = laneEnds.findIndex((laneEnd) => laneEnd + gap <= start);
    if (lane === -1) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    return lane;
  });
}

export interface TTimelineSourceInput {
  id: string;
  authorId: string;
  published: TPublished;
}

/** Evidence of one source on one claim, grouped by stance and voice, with its first passage. */
export interface TTimelineEvidenceInput {
  claimId: string;
  sourceId: string;
  stance: TStance;
  voice: TVoice;
  count: number;
  /** The group's passage that comes first in the source, and where it starts. */
  excerptId: string;
  start: number;
}

export interface TTimelineMark extends TTimelinePoint {
  sourceId: string;
  /** Every evidence link of the source on the claim, REPORTED ones included. */
  evidenceCount: number;
  /** The passage to read: the source's own words in its stance, else any of its quotes; null when it has none. */
  excerptId: string | null;
}

/**
 * One row per claim: a mark per source, placed at its date, with the stance that source's own
 * (AUTHOR-voice) evidence gives by the rule that derives positions — REPORTED views never count.
 * Every source gets a mark (SILENT where it says nothing on the claim), in time order.
 */
export function buildTimeline(input: {
  sources: readonly TTimelineSourceInput[];
  claimIds: readonly string[];
  evidence: readonly TTimelineEvidenceInput[];
}): { claimId: string; marks: TTimelineMark[] }[] {
  const byCell = new Map<string, TTimelineEvidenceInput[]>();
  for (const item of input.evidence) {
    const key = `${item.claimId}:${item.sourceId}`;
    const list = byCell.get(key);
    if (list) list.push(item);
    else byCell.set(key, [item]);
  }
  return input.claimIds.map((claimId) => {
    const marks = input.sources.map((source) => {
      const evidence = byCell.get(`${claimId}:${source.id}`) ?? [];
      const stance = derivePosition(evidence);
      const rank = (e: TTimelineEvidenceInput) => (e.voice !== "AUTHOR" ? 2 : e.stance === stance || stance === "MIXED" ? 0 : 1);
      const best = [...evidence].sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0];
      return {
        authorId: source.authorId,
        published: source.published,
        sourceId: source.id,
        stance,
        evidenceCount: evidence.reduce((sum, e) => sum + e.count, 0),
        excerptId: best?.excerptId ?? null,
      };
    });
    return { claimId, marks: placeOnTimeline(marks) };
  });
}
