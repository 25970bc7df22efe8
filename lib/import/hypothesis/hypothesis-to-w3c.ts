import type { TStance, TVoice } from "../../domain/types";

/** A tag the person mapped to a claim. */
export interface THypothesisTagMapping {
  tag: string;
  claimId: string;
  stance: TStance;
  voice: TVoice;
}

/** A Hypothesis row as the import reports it back: its place in `rows`, its id and who wrote it. */
export interface THypothesisRowRef {
  index: number;
  id: string | null;
  user: string | null;
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
/** A row's tags: a list of strings, anything else none. */
const tagsOf = (row: Record<string, unknown>): string[] => (Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === "string") : []);
const SELECTOR_TYPES = new Set(["TextQuoteSelector", "TextPositionSelector", "RangeSelector"]);

/** "acct:alice@hypothes.is" → "alice". */
function userName(user: unknown): string | null {
  if (typeof user !== "string") return null;
  return /^acct:([^@]+)@/.exec(user)?.[1] ?? user;
}

/**
 * Hypothesis rows as W3C Web Annotations, so they go through the same anchoring as a W3C import:
 * each row's TextQuote, TextPosition and Range selectors kept as its target; its text as the
 * commenting body (the evidence's note); for each of its tags that the mapping names, one
 * annotation linking that claim with the mapped stance (and "reported" for REPORTED voice). A row
 * with no mapped tag is one annotation without a claim: its passage becomes an excerpt only.
 * `rowOf` gives, for each annotation, the row it came from.
 */
export function hypothesisToW3c(rows: readonly unknown[], mapping: readonly THypothesisTagMapping[]): { annotations: Record<string, unknown>[]; rowOf: THypothesisRowRef[] } {
  const byTag = new Map<string, THypothesisTagMapping[]>();
  for (const m of mapping) byTag.set(m.tag, [...(byTag.get(m.tag) ?? []), m]);
  const annotations: Record<string, unknown>[] = [];
  const rowOf: THypothesisRowRef[] = [];
  rows.forEach((item, index) => {
    const row = record(item);
    const ref = { index, id: typeof row.id === "string" ? row.id : null, user: userName(row.user) };
    const target = list(row.target).map((t) => {
      const selectors = list(record(t).selector).map(record).filter((s) => typeof s.type === "string" && SELECTOR_TYPES.has(s.type));
      return { source: typeof row.uri === "string" ? row.uri : "", selector: selectors };
    });
    const note = typeof row.text === "string" && row.text.trim() ? [{ type: "TextualBody", purpose: "commenting", value: row.text.trim() }] : [];
    const tags = tagsOf(row);
    const claims = tags.flatMap((tag) => byTag.get(tag) ?? []);
    const seen = new Set<string>();
    const links = claims.filter((m) => !seen.has(m.claimId) && seen.add(m.claimId));
    for (const link of links.length > 0 ? links : [null]) {
      const body: Record<string, unknown>[] = [...note];
      if (link) {
        body.push({ type: "SpecificResource", purpose: "linking", source: `/claims/${link.claimId}` });
        body.push({ type: "TextualBody", purpose: "classifying", value: link.stance.toLowerCase() });
        if (link.voice === "REPORTED") body.push({ type: "TextualBody", purpose: "tagging", value: "reported" });
      }
      annotations.push({ type: "Annotation", target, body });
      rowOf.push(ref);
    }
  });
  return { annotations, rowOf };
}

/** Every tag used in the rows with how many rows carry it, most used first: what the person maps to claims. */
export function hypothesisTags(rows: readonly unknown[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of rows) {
    for (const tag of new Set(tagsOf(record(item)))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
