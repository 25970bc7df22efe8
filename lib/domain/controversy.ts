import type { TPositionStance } from "./types";

export interface TControversy {
  supporting: number;
  opposing: number;
  /** Authors whose position is MIXED (counted half on each side above). */
  mixed: number;
  /** 0 (everyone who speaks is on one side, or nobody speaks) … 1 (evenly split). */
  score: number;
  /** At least one author supports and at least one opposes. */
  split: boolean;
}

/**
 * How far the authors are split on a claim. A MIXED author counts half on each side; QUALIFIES
 * and SILENT take no side. score = 2·min(s, o) / (s + o).
 */
export function controversyOf(stances: readonly TPositionStance[]): TControversy {
  let supporting = 0;
  let opposing = 0;
  let mixed = 0;
  for (const stance of stances) {
    if (stance === "SUPPORTS") supporting += 1;
    else if (stance === "OPPOSES") opposing += 1;
    else if (stance === "MIXED") {
      mixed += 1;
      supporting += 0.5;
      opposing += 0.5;
    }
  }
  const total = supporting + opposing;
  return {
    supporting,
    opposing,
    mixed,
    score: total === 0 ? 0 : (2 * Math.min(supporting, opposing)) / total,
    split: stances.includes("SUPPORTS") && stances.includes("OPPOSES"),
  };
}

/** Whole authors on each side of a split claim (a mixed author is named apart) and its short label. */
export function describeSplit(c: TControversy): { pro: number; con: number; mixed: number; label: string } {
  const pro = c.supporting - c.mixed / 2;
  const con = c.opposing - c.mixed / 2;
  return { pro, con, mixed: c.mixed, label: `Split ${pro}–${con}${c.mixed ? ` · ${c.mixed} mixed` : ""}` };
}
