/**
 * Time budgets for property-based tests of parsers: the app answers everyone from one thread, so
 * a parser that runs on it must finish quickly whatever it is fed. A quadratic path shows as a
 * call over its budget on a large input, and fails the property that found it.
 */
import { timeSync } from "./stall-probe";

/** One megabyte of input, in characters (the budgets are stated per size). */
export const MEGABYTE = 1024 * 1024;

/** A call on at most a megabyte of input finishes within this (1 s for 1 MB, as the issue states). */
export const BUDGET_MS_PER_MEGABYTE = 1000;

/**
 * The budget for a call on `chars` characters: a second per megabyte, and never under 250 ms, so
 * a garbage collection or a first, unoptimised call on a busy machine does not fail a small input.
 */
export function budgetMs(chars: number, msPerMegabyte = BUDGET_MS_PER_MEGABYTE): number {
  return Math.max(250, Math.ceil((chars / MEGABYTE) * msPerMegabyte));
}

/**
 * Runs `work` on an input of `chars` characters and returns its result; throws (failing the
 * property) when it took longer than `budgetMs(chars)` twice running. One slow run may be another
 * test file holding the CPU; a quadratic path is slow every time.
 */
export function withinBudget<T>(chars: number, work: () => T, msPerMegabyte = BUDGET_MS_PER_MEGABYTE): T {
  const budget = budgetMs(chars, msPerMegabyte);
  const first = timeSync(work);
  if (first.ms <= budget) return first.result;
  const second = timeSync(work);
  if (second.ms > budget) throw new Error(`took ${Math.round(first.ms)} ms and ${Math.round(second.ms)} ms on ${chars} characters; the budget is ${budget} ms`);
  return second.result;
}
