import "server-only";
import { hypothesisToW3c, type THypothesisRowRef } from "../../import/hypothesis/hypothesis-to-w3c";
import type { TTagMapping } from "../../schemas/annotations";
import type { TMutationContext } from "../mutation";
import { importAnnotations } from "./import-annotations";

export interface THypothesisImport {
  /**
   * Rows placed in the text, one entry per claim a row's mapped tags link it to (`claimId`; one
   * entry with null for a row with none), so a row speaking to two claims is listed twice, each
   * with its claim: `index` is the row's place in `rows`.
   */
  anchored: { index: number; id: string | null; user: string | null; excerptId: string; start: number; end: number; claimId: string | null; evidenceId: string | null; note?: string }[];
  /** Rows not placed, with the reason; nothing was made for them. */
  unanchored: { index: number; id: string | null; user: string | null; exact: string | null; reason: string }[];
}

/**
 * Adds a Hypothesis export's annotations to a source: each row becomes W3C annotations
 * (`hypothesisToW3c`) and goes through the W3C import, so it is placed by the same anchoring of
 * its quote; its text is the note of the evidence its mapped tags make. The report is per row.
 */
export async function importHypothesis(ctx: TMutationContext, sourceId: string, rows: readonly unknown[], mapping: readonly TTagMapping[]): Promise<THypothesisImport> {
  const { annotations, rowOf } = hypothesisToW3c(rows, mapping);
  const report = await importAnnotations(ctx, sourceId, annotations);
  const ref = (index: number): THypothesisRowRef => rowOf[index];
  const placed = new Set(report.anchored.map((a) => ref(a.index).index));
  const unplaced = new Map<number, THypothesisImport["unanchored"][number]>();
  for (const u of report.unanchored) {
    const row = ref(u.index);
    if (!placed.has(row.index) && !unplaced.has(row.index)) unplaced.set(row.index, { ...row, exact: u.exact, reason: u.reason });
  }
  return {
    anchored: report.anchored.map(({ index, ...a }) => ({ ...ref(index), ...a })),
    unanchored: [...unplaced.values()],
  };
}
