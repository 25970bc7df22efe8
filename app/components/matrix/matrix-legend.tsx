import { POSITION_STANCES } from "@/lib/domain/types";
import { PositionChip } from "../position-chip";
import { ReportedBadge } from "../reported-badge";

const MEANING = {
  SUPPORTS: "the author argues for the claim",
  OPPOSES: "the author argues against it",
  MIXED: "the author argues both for and against it",
  QUALIFIES: "the author accepts it only in part or with conditions",
  SILENT: "none of the author’s own words address it",
} as const;

/** What the chips mean, and why some quotes do not count towards a position. */
export function MatrixLegend() {
  return (
    <section aria-labelledby="legend-heading" data-testid="matrix-legend" className="rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
      <h2 id="legend-heading" className="mb-3 font-semibold">How to read the matrix</h2>
      <ul className="grid gap-x-6 gap-y-2 sm:grid-cols-2 xl:grid-cols-3">
        {POSITION_STANCES.map((stance) => (
          <li key={stance} className="flex items-center gap-2">
            <PositionChip stance={stance} size="sm" />
            <span className="text-slate-600 dark:text-slate-400">{MEANING[stance]}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 max-w-[90ch] text-slate-600 dark:text-slate-400">
        A position comes from the author’s own words only. Quotes marked <ReportedBadge /> are views the author reports without holding
        them (for example, critics they go on to answer): they are listed but never count. <span className="font-medium italic">✎ set by hand</span> means
        a member set the position explicitly; it then wins over what the quotes say. Select a cell to read its quotes.
      </p>
    </section>
  );
}
