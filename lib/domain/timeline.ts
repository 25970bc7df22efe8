import type { TPublished } from "./dates";
import type { TPositionStance } from "./types";

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
export function placeOnTimeline(points: readonly TTimelineInput[]): TTimelinePoint[] {
  return points
    .map((p) => ({ ...p, ...spanOf(p.published) }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.authorId.localeCompare(b.authorId));
}
