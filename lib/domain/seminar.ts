/**
 * Seminar mode's rules: the room's tally of votes, stepping through the claims, who may do what
 * in a live session, and the summary written when it ends. Pure; the server and the pages share it.
 */
import { VOTE_CHOICES, type TVoteChoice } from "./types";

/** Votes per choice, with the total. */
export type TTally = Record<TVoteChoice, number> & { total: number };

export function emptyTally(): TTally {
  return { AGREE: 0, DISAGREE: 0, UNSURE: 0, total: 0 };
}

/** Counts choices (one per person, as stored). */
export function tallyOf(choices: Iterable<TVoteChoice>): TTally {
  const tally = emptyTally();
  for (const choice of choices) {
    tally[choice] += 1;
    tally.total += 1;
  }
  return tally;
}

/** A tally from grouped rows `{ choice, count }` (the database's answer). */
export function tallyFromCounts(rows: Iterable<{ choice: TVoteChoice; count: number }>): TTally {
  const tally = emptyTally();
  for (const row of rows) {
    tally[row.choice] += row.count;
    tally.total += row.count;
  }
  return tally;
}

/** Each choice's whole-number share of the total, rounded so the shares add up to 100. */
export function tallyPercentages(tally: TTally): Record<TVoteChoice, number> {
  const result = { AGREE: 0, DISAGREE: 0, UNSURE: 0 } as Record<TVoteChoice, number>;
  if (tally.total === 0) return result;
  // Largest remainder: floor every share, then hand the missing points to the largest remainders.
  const shares = VOTE_CHOICES.map((choice) => ({ choice, exact: (tally[choice] * 100) / tally.total }));
  for (const share of shares) result[share.choice] = Math.floor(share.exact);
  let missing = 100 - shares.reduce((sum, s) => sum + Math.floor(s.exact), 0);
  for (const share of [...shares].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))) {
    if (missing <= 0) break;
    result[share.choice] += 1;
    missing -= 1;
  }
  return result;
}

/** "3 agree · 1 disagree · 0 unsure" — the words every view uses for a tally. */
export function describeTally(tally: TTally): string {
  if (tally.total === 0) return "no votes yet";
  return `${tally.AGREE} agree · ${tally.DISAGREE} disagree · ${tally.UNSURE} unsure`;
}

/**
 * The claim after (step 1) or before (step −1) `current` in the map's order; the first (or last)
 * claim when nothing is spotlighted; null past either end or when the map has no claims.
 */
export function stepClaim(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return step === 1 ? order[0] : order[order.length - 1];
  const next = at + step;
  return next >= 0 && next < order.length ? order[next] : null;
}

/** Appends a spotlighted claim to the list of claims discussed, once. */
export function withDiscussed(discussed: readonly string[], claimId: string | null): string[] {
  if (claimId === null || discussed.includes(claimId)) return [...discussed];
  return [...discussed, claimId];
}

/** While a live session is locked, only its facilitator may change the map. */
export function isLockedOut(lock: { locked: boolean; facilitatorId: string } | null, userId: string): boolean {
  return lock !== null && lock.locked && lock.facilitatorId !== userId;
}

export const LOCKED_MESSAGE = "The facilitator has locked editing during the live session. Comments and votes stay open; editing returns when the session is unlocked or ends.";

/** What a finished session leaves behind. */
export interface TSeminarSummary {
  startedAt: string;
  endedAt: string;
  facilitator: string;
  /** Claims spotlighted, in the order they were first shown. */
  claims: { id: string; text: string; votes: TTally; polls: TTally[] }[];
  /** How many evidence links were added while the session ran (and still stand). */
  evidenceAddedCount: number;
  /** Those links (the first 500). */
  evidenceAdded: { id: string; claimId: string; claimText: string; author: string; stance: string; exact: string }[];
}

/** Shortens a quote for a list: at most `max` characters, cut at a word, with an ellipsis. */
export function shortQuote(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The room's votes on a claim, and the viewer's own. */
export interface TRoomVotes {
  /** Null while a poll on the claim awaits its reveal: the room's votes would give its result away. */
  tally: TTally | null;
  /** Whether the tally is held back for an unrevealed poll (the facilitator still sees it). */
  hiddenUntilReveal: boolean;
  mine: TVoteChoice | null;
}

export interface TPollView {
  id: string;
  claimId: string;
  claimText: string;
  open: boolean;
  revealed: boolean;
  /** How many have answered; always visible, so the room sees the poll fill up. */
  ballots: number;
  /** The counts per choice: for the facilitator always, for everyone else once revealed. */
  tally: TTally | null;
  /** The viewer's own answer in this poll. */
  myChoice: TVoteChoice | null;
}

export interface TSeminarView {
  id: string;
  version: number;
  startedAt: string;
  facilitator: { id: string; name: string };
  /** Whether the viewer is the facilitator (and may steer). */
  isFacilitator: boolean;
  locked: boolean;
  /** The claim on everyone's screen, with its place in the map's order (1-based). */
  spotlight: { claimId: string; text: string; position: number; count: number } | null;
  /** The session's latest poll, open or closed. */
  poll: TPollView | null;
}

