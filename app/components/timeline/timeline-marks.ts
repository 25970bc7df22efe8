import type { TPositionStance } from "@/lib/domain/types";

/** How a source's mark is filled on the time axis: the stance colours, split for mixed, an outline for silent. */
export const MARK_CLASS: Record<TPositionStance, string> = {
  SUPPORTS: "bg-supports",
  OPPOSES: "bg-opposes",
  QUALIFIES: "bg-qualifies",
  MIXED: "bg-linear-to-r from-supports from-50% to-opposes to-50%",
  SILENT: "border-2 border-dashed border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-950",
};

export const PRECISION_LABEL = { YEAR: "known to the year", MONTH: "known to the month", DAY: "exact day" } as const;
