import type { TPositionStance } from "./types";

/** How two authors' positions on one claim relate. */
export type TRelation = "agree" | "disagree" | "differ" | "only-one" | "neither";

/**
 * Same stance → agree; supports vs opposes → disagree; any other pair of taken positions (one
 * qualifies, or one is mixed) → differ; one silent → only-one; both silent → neither.
 */
export function relate(a: TPositionStance, b: TPositionStance): TRelation {
  const aSpeaks = a !== "SILENT";
  const bSpeaks = b !== "SILENT";
  if (!aSpeaks && !bSpeaks) return "neither";
  if (!aSpeaks || !bSpeaks) return "only-one";
  if (a === b) return "agree";
  if ((a === "SUPPORTS" && b === "OPPOSES") || (a === "OPPOSES" && b === "SUPPORTS")) return "disagree";
  return "differ";
}

export interface TAgreement {
  /** Claims on which both authors take a position. */
  n: number;
  agree: number;
  disagree: number;
  differ: number;
  /** agree / n, or null when they share no claim (shown as "no shared claims", never 0 %). */
  share: number | null;
}

/** Agreement of two authors over the claims, from their positions (claim id → stance). */
export function agreementOf(a: Readonly<Record<string, TPositionStance>>, b: Readonly<Record<string, TPositionStance>>): TAgreement {
  const result = { n: 0, agree: 0, disagree: 0, differ: 0 };
  for (const claimId of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const relation = relate(a[claimId] ?? "SILENT", b[claimId] ?? "SILENT");
    if (relation === "agree" || relation === "disagree" || relation === "differ") {
      result.n += 1;
      result[relation] += 1;
    }
  }
  return { ...result, share: result.n === 0 ? null : result.agree / result.n };
}

/** The author × author agreement matrix (symmetric; the diagonal is each author with themself). */
export function agreementMatrix(positionsByAuthor: ReadonlyMap<string, Readonly<Record<string, TPositionStance>>>): Map<string, Map<string, TAgreement>> {
  const authors = [...positionsByAuthor.keys()];
  const matrix = new Map<string, Map<string, TAgreement>>(authors.map((id) => [id, new Map()]));
  for (const [i, a] of authors.entries()) {
    for (const b of authors.slice(i)) {
      const value = agreementOf(positionsByAuthor.get(a)!, positionsByAuthor.get(b)!);
      matrix.get(a)!.set(b, value);
      matrix.get(b)!.set(a, value);
    }
  }
  return matrix;
}

/**
 * How the positions of two or more chosen authors on one claim relate, as the compare view
 * groups them. For two authors it is `relate` (with "none" for "neither").
 */
export const COMPARISON_GROUPS = ["agree", "disagree", "differ", "only-one", "none"] as const;
export type TComparisonGroup = (typeof COMPARISON_GROUPS)[number];

/**
 * agree: at least two speak and all who speak take the same stance; disagree: at least one
 * supports and at least one opposes; differ: two or more speak otherwise (qualifies beside
 * supports, mixed beside opposes…); only-one: exactly one speaks; none: all are silent.
 */
export function groupOf(stances: readonly TPositionStance[]): TComparisonGroup {
  const speaking = stances.filter((s) => s !== "SILENT");
  if (speaking.length === 0) return "none";
  if (speaking.length === 1) return "only-one";
  if (speaking.includes("SUPPORTS") && speaking.includes("OPPOSES")) return "disagree";
  if (speaking.every((s) => s === speaking[0])) return "agree";
  return "differ";
}

export interface TComparisonSummary {
  /** Claims on which at least two of the chosen authors take a position (for a pair: shared claims). */
  n: number;
  agree: number;
  disagree: number;
  differ: number;
  onlyOne: number;
  none: number;
  /** agree / n, or null when n = 0 (shown as "no shared claims", never 0 %). */
  share: number | null;
  /** For each chosen author, the claims on which they alone of the chosen speak. */
  alone: Record<string, number>;
}

type TPositions = Readonly<Record<string, { stance: TPositionStance } | undefined>>;

/**
 * Groups claims by how the chosen authors' positions relate (claims keep their order), with the
 * counts. An author missing from a claim's positions counts as silent.
 */
export function compareAuthors<C extends { positions: TPositions }>(
  claims: readonly C[],
  authorIds: readonly string[],
): { groups: Record<TComparisonGroup, C[]>; summary: TComparisonSummary } {
  const groups = Object.fromEntries(COMPARISON_GROUPS.map((g) => [g, [] as C[]])) as Record<TComparisonGroup, C[]>;
  const alone: Record<string, number> = Object.fromEntries(authorIds.map((id) => [id, 0]));
  for (const claim of claims) {
    const stances = authorIds.map((id) => claim.positions[id]?.stance ?? "SILENT");
    const group = groupOf(stances);
    groups[group].push(claim);
    if (group === "only-one") alone[authorIds[stances.findIndex((s) => s !== "SILENT")]] += 1;
  }
  const n = groups.agree.length + groups.disagree.length + groups.differ.length;
  return {
    groups,
    summary: {
      n,
      agree: groups.agree.length,
      disagree: groups.disagree.length,
      differ: groups.differ.length,
      onlyOne: groups["only-one"].length,
      none: groups.none.length,
      share: n === 0 ? null : groups.agree.length / n,
      alone,
    },
  };
}

/** A share as a whole percentage (0.666… → 67). */
export function percentOf(share: number): number {
  return Math.round(share * 100);
}

/** "67 % · n = 6", or "no shared claims" when n = 0. */
export function agreementLabel(value: { n: number; share: number | null }): string {
  if (value.n === 0 || value.share === null) return "no shared claims";
  return `${percentOf(value.share)} % · n = ${value.n}`;
}

const claimsWord = (count: number) => `${count} ${count === 1 ? "claim" : "claims"}`;

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The comparison in one sentence, e.g. "Katz and Nurimbetov agree on 3 of 7 shared claims (43 %),
 * disagree on 2 and differ on 2. Only one of them speaks on 5 claims; neither on 2."
 */
export function describeComparison(names: readonly string[], summary: TComparisonSummary): string {
  const pair = names.length === 2;
  const who = listNames(names);
  const rest: string[] = [];
  if (summary.onlyOne > 0) rest.push(`only one of them speaks on ${claimsWord(summary.onlyOne)}`);
  if (summary.none > 0) rest.push(`${pair ? "neither" : "none of them"} speaks on ${claimsWord(summary.none)}`);
  const tail = rest.length > 0 ? ` ${rest.join("; ").replace(/^./, (c) => c.toUpperCase())}.` : "";
  if (summary.n === 0 || summary.share === null) {
    return `${who} ${pair ? "have no shared claims: they never both take a position on the same claim" : "have no shared claims: no two of them take a position on the same claim"}.${tail}`;
  }
  const scope = pair ? `${summary.n} shared ${summary.n === 1 ? "claim" : "claims"}` : `${claimsWord(summary.n)} on which at least two of them speak`;
  const lead = pair ? `${who} agree` : `${who}: all who speak agree`;
  return `${lead} on ${summary.agree} of ${scope} (${percentOf(summary.share)} %), disagree on ${summary.disagree} and differ on ${summary.differ}.${tail}`;
}
