/**
 * Agreement statistics of a blind coding round: Krippendorff's alpha over all coders, Cohen's
 * kappa of one coder against a key, agreement with the majority, and the confusion table of key
 * against answers. Pure, so the reveal, the presentation view and the statistics export share one
 * computation, and the published worked examples can test it.
 */
import { STANCES, type TStance, type TVoice } from "./types";

/** What a participant may answer for a (passage, claim) item. */
export const ROUND_ANSWERS = [...STANCES, "NOT_RELEVANT"] as const;
export type TRoundAnswer = (typeof ROUND_ANSWERS)[number];

/**
 * Krippendorff's alpha for nominal data: `units[u][c]` is coder c's value for unit u, or null when
 * that coder gave none. Units with fewer than two values cannot be paired and are left out, as
 * Krippendorff prescribes. Returns null when no unit has two values (a single coder, or nothing
 * answered); 1 when every pairable value is the same (no disagreement was observed, and none
 * could be expected), where the formula's 0/0 would otherwise leave it undefined.
 */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null)[])[]): number | null {
  // The coincidence matrix, kept as its diagonal and its marginals: nominal alpha needs no more.
  const marginals = new Map<string, number>();
  let agreeing = 0;
  let pairable = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is string => v !== null);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [value, count] of counts) {
      // o_vv gets count·(count−1)/(m−1) from this unit; n_v gets count.
      agreeing += (count * (count - 1)) / (m - 1);
      marginals.set(value, (marginals.get(value) ?? 0) + count);
    }
    pairable += m;
  }
  if (pairable === 0) return null;
  const observedDisagreement = 1 - agreeing / pairable;
  let sameByChance = 0;
  for (const n of marginals.values()) sameByChance += n * (n - 1);
  const expectedDisagreement = 1 - sameByChance / (pairable * (pairable - 1));
  if (expectedDisagreement === 0) return 1;
  return 1 - observedDisagreement / expectedDisagreement;
}

/**
 * Cohen's kappa of two ratings of the same items (`[a, b]` per item). Null when there is no item;
 * 1 when both gave one and the same value throughout (chance agreement is then 1 as well, and
 * the formula's 0/0 would leave it undefined).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same += 1;
    left.set(a, (left.get(a) ?? 0) + 1);
    right.set(b, (right.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [value, count] of left) expected += (count / n) * ((right.get(value) ?? 0) / n);
  if (expected === 1) return 1;
  return (observed - expected) / (1 - expected);
}

/** The answer most participants gave, or null when nobody answered or two answers tie for most. */
export function majorityOf(answers: readonly TRoundAnswer[]): TRoundAnswer | null {
  const counts = countAnswers(answers);
  let best: TRoundAnswer | null = null;
  let bestCount = 0;
  let tied = false;
  for (const answer of ROUND_ANSWERS) {
    if (counts[answer] > bestCount) {
      best = answer;
      bestCount = counts[answer];
      tied = false;
    } else if (counts[answer] === bestCount && bestCount > 0) tied = true;
  }
  return tied ? null : best;
}

/** How many gave each answer (every answer present, zeros included). */
export function countAnswers(answers: readonly TRoundAnswer[]): Record<TRoundAnswer, number> {
  const counts = Object.fromEntries(ROUND_ANSWERS.map((a) => [a, 0])) as Record<TRoundAnswer, number>;
  for (const a of answers) counts[a] += 1;
  return counts;
}

/** One participant's answer to one item (by the item's 0-based index). */
export interface TCodedAnswer {
  item: number;
  stance: TRoundAnswer;
  voice: TVoice | null;
}

export interface TCoder {
  /** Stable within the round: what the facilitator maps to names, and others see instead of names. */
  pseudonym: string;
  answers: readonly TCodedAnswer[];
}

/** The agreement answer of a round (the API's fixed shape). */
export interface TRoundAgreement {
  alpha: number | null;
  coders: number;
  items: { item: number; answers: Record<TRoundAnswer, number>; key: TStance | null }[];
  participants: { pseudonym: string; answered: number; kappaWithKey: number | null; agreementWithMajority: number | null }[];
}

/** Key (rows: the map's stance) × answers (columns), counting items that have a key. */
export type TConfusionTable = Record<TStance, Record<TRoundAnswer, number>>;

/**
 * The statistics of a round: `keys[i]` is the map's stance for item i (null when the map has none),
 * `coders` the participants who answered at least one item. Alpha is over the participants only
 * (the key is the standard they are measured against, not one more coder).
 */
export function summariseRound(keys: readonly (TStance | null)[], coders: readonly TCoder[]): TRoundAgreement {
  const byItem = keys.map((): (TRoundAnswer | null)[] => coders.map(() => null));
  coders.forEach((coder, c) => {
    for (const answer of coder.answers) if (answer.item >= 0 && answer.item < keys.length) byItem[answer.item][c] = answer.stance;
  });
  const majorities = byItem.map((values) => majorityOf(values.filter((v): v is TRoundAnswer => v !== null)));
  return {
    alpha: krippendorffAlphaNominal(byItem),
    coders: coders.length,
    items: keys.map((key, item) => ({ item, answers: countAnswers(byItem[item].filter((v): v is TRoundAnswer => v !== null)), key })),
    participants: coders.map((coder, c) => {
      const withKey: [string, string][] = [];
      let majorityShared = 0;
      let majorityAgreed = 0;
      byItem.forEach((values, item) => {
        const own = values[c];
        if (own === null) return;
        const key = keys[item];
        if (key !== null) withKey.push([key, own]);
        const majority = majorities[item];
        if (majority !== null) {
          majorityShared += 1;
          if (majority === own) majorityAgreed += 1;
        }
      });
      return {
        pseudonym: coder.pseudonym,
        answered: byItem.filter((values) => values[c] !== null).length,
        kappaWithKey: cohenKappa(withKey),
        agreementWithMajority: majorityShared === 0 ? null : majorityAgreed / majorityShared,
      };
    }),
  };
}

/** The confusion table of the map's key against every answer given to items that have one. */
export function confusionTable(keys: readonly (TStance | null)[], coders: readonly TCoder[]): TConfusionTable {
  const table = Object.fromEntries(STANCES.map((s) => [s, countAnswers([])])) as TConfusionTable;
  for (const coder of coders) {
    for (const answer of coder.answers) {
      const key = keys[answer.item];
      if (key) table[key][answer.stance] += 1;
    }
  }
  return table;
}

/**
 * How far an item's answers are split: 1 − (the largest share), 0 when all agree. The reveal and
 * the presentation list the most disputed items first.
 */
export function disputeOf(answers: Readonly<Record<TRoundAnswer, number>>): number {
  const total = ROUND_ANSWERS.reduce((sum, a) => sum + answers[a], 0);
  if (total === 0) return 0;
  return 1 - Math.max(...ROUND_ANSWERS.map((a) => answers[a])) / total;
}

/** "α = 0.743" style, or a dash when undefined. */
export function formatStatistic(value: number | null): string {
  return value === null ? "—" : value.toFixed(3);
}
