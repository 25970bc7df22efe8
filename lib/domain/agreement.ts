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
