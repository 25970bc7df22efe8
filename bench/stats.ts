/** Percentiles and how the bench writes numbers, shared by every measurement group. */

/** Nearest-rank percentile of samples sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  // Nearest-rank: the smallest sample with at least p % of samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Milliseconds with one decimal, "—" for a time never measured. */
export function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : "—";
}

export function sleep(milliseconds: number) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** A measurement that could not be made, with why. */
export type Failed = { error: string };
export const failed = (x: object): x is Failed => "error" in x;

/** HTTP answers counted by status, most frequent first ("HTTP 201 ×1,420, HTTP 409 ×3"). */
export function answersText(answers: Record<string, number>): string {
  return Object.entries(answers)
    .sort((a, b) => b[1] - a[1])
    .map(([answer, n]) => `${/^\d+$/.test(answer) ? `HTTP ${answer}` : answer} ×${n.toLocaleString("en")}`)
    .join(", ");
}

/** A load average (1 / 5 / 15 min) as the report writes it. */
export const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
