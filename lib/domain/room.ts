/**
 * The room among the authors: the participants' votes on claims read as positions, so the room
 * (the majority on each claim), each participant and each opinion group can be set beside the
 * authors with the same agreement measure as author × author (`agreementOf`).
 */
import { kmeans } from "ml-kmeans";
import { PCA } from "ml-pca";
import { agreementOf, type TAgreement } from "./agreement";
import type { TPositionStance, TVoteChoice } from "./types";

/** Opinion groups are looked for from this many voters on: fewer make no groups worth naming. */
export const MIN_VOTERS_FOR_GROUPS = 8;
/** The most groups tried. */
export const MAX_OPINION_GROUPS = 5;
/**
 * Below this mean silhouette the room is one group: Kaufman & Rousseeuw read ≤ 0.25 as "no
 * substantial structure", so splitting it would invent camps.
 */
export const MIN_SILHOUETTE = 0.25;
/** Claims a vote vector spans at most (the most voted on): bounds the projection's cost. */
export const MAX_GROUP_CLAIMS = 200;
/**
 * Voters placed at most (those with the most votes): the projection and the silhouettes grow
 * faster than linearly (≈ 80 ms for 50 voters × 200 claims, ≈ 380 ms for 150 on one core), and
 * they run in the request.
 */
export const MAX_GROUP_VOTERS = 100;

type TPositions = Record<string, TPositionStance>;

/** A vote as a position: AGREE supports the claim, DISAGREE opposes it, UNSURE takes none. */
export function positionOfVote(choice: TVoteChoice): TPositionStance {
  return choice === "AGREE" ? "SUPPORTS" : choice === "DISAGREE" ? "OPPOSES" : "SILENT";
}

/**
 * The room's position on one claim: the choice with the most votes (AGREE → supports,
 * DISAGREE → opposes, UNSURE → no position). A tie for the most between AGREE and DISAGREE is a
 * split room (MIXED, as an author with both); any other tie for the most leaves the room without
 * a position, as do no votes.
 */
export function majorityOf(counts: Readonly<Record<TVoteChoice, number>>): TPositionStance {
  const top = Math.max(counts.AGREE, counts.DISAGREE, counts.UNSURE);
  if (top === 0) return "SILENT";
  const leaders = (["AGREE", "DISAGREE", "UNSURE"] as const).filter((c) => counts[c] === top);
  if (leaders.length === 1) return positionOfVote(leaders[0]);
  return leaders.includes("AGREE") && leaders.includes("DISAGREE") ? "MIXED" : "SILENT";
}

/** The majority's position on every claim voted on (claims where it takes none are left out). */
export function majorityPositions(votes: Iterable<{ claimId: string; choice: TVoteChoice }>): TPositions {
  const counts = new Map<string, Record<TVoteChoice, number>>();
  for (const vote of votes) {
    let row = counts.get(vote.claimId);
    if (!row) counts.set(vote.claimId, (row = { AGREE: 0, DISAGREE: 0, UNSURE: 0 }));
    row[vote.choice] += 1;
  }
  const result: TPositions = {};
  for (const [claimId, row] of counts) {
    const stance = majorityOf(row);
    if (stance !== "SILENT") result[claimId] = stance;
  }
  return result;
}

/** One person's votes as positions (claim id → stance; unsure votes take none). */
export function positionsOfVotes(votes: Iterable<{ claimId: string; choice: TVoteChoice }>): TPositions {
  const result: TPositions = {};
  for (const vote of votes) {
    const stance = positionOfVote(vote.choice);
    if (stance !== "SILENT") result[vote.claimId] = stance;
  }
  return result;
}

/** Agreement of some positions (the room's, a person's, a group's) with every author, by author id. */
export function agreementWithAuthors(positions: Readonly<TPositions>, byAuthor: ReadonlyMap<string, Readonly<TPositions>>): Record<string, TAgreement> {
  return Object.fromEntries([...byAuthor].map(([authorId, theirs]) => [authorId, agreementOf(positions, theirs)]));
}

export interface TCloseAuthor {
  authorId: string;
  agree: number;
  n: number;
  share: number;
}

/**
 * Authors by how closely they agree, closest first: the higher share, then more claims agreed on
 * (6 of 8 before 3 of 4), then the authors' own order. Authors with no shared claim are left out.
 */
export function rankAuthors(agreement: Readonly<Record<string, TAgreement>>, authorOrder: readonly string[]): TCloseAuthor[] {
  return authorOrder
    .map((authorId, order) => ({ authorId, order, value: agreement[authorId] }))
    .filter((a): a is { authorId: string; order: number; value: TAgreement & { share: number } } => a.value !== undefined && a.value.share !== null && a.value.n > 0)
    .sort((a, b) => b.value.share - a.value.share || b.value.agree - a.value.agree || a.order - b.order)
    .map(({ authorId, value }) => ({ authorId, agree: value.agree, n: value.n, share: value.share }));
}

/** The author one agrees with most (`rankAuthors`' first), or null when no author shares a claim. */
export function closestAuthor(agreement: Readonly<Record<string, TAgreement>>, authorOrder: readonly string[]): TCloseAuthor | null {
  return rankAuthors(agreement, authorOrder)[0] ?? null;
}

/** "You agree most with Harding, 6 of 8 shared claims." */
export function describeClosest(closest: TCloseAuthor | null, nameOf: (authorId: string) => string): string {
  if (!closest) return "Your votes share no claim with an author yet: vote on claims the authors take a position on.";
  return `You agree most with ${nameOf(closest.authorId)}, ${closest.agree} of ${closest.n} shared ${closest.n === 1 ? "claim" : "claims"}.`;
}

const squared = (p: readonly number[], q: readonly number[]) => p.reduce((sum, v, i) => sum + (v - q[i]) ** 2, 0);

/**
 * The mean silhouette of a clustering (Rousseeuw 1987) with Euclidean distances: for each point,
 * (b − a) / max(a, b), a its mean distance to its own cluster, b to the nearest other cluster;
 * a point alone in its cluster counts 0. Null with fewer than two clusters.
 */
export function silhouetteOf(points: readonly (readonly number[])[], labels: readonly number[]): number | null {
  const clusters = [...new Set(labels)];
  if (clusters.length < 2) return null;
  const size = new Map<number, number>();
  for (const label of labels) size.set(label, (size.get(label) ?? 0) + 1);
  let total = 0;
  for (const [i, p] of points.entries()) {
    if (size.get(labels[i]) === 1) continue;
    const sums = new Map<number, number>();
    for (const [j, q] of points.entries()) if (i !== j) sums.set(labels[j], (sums.get(labels[j]) ?? 0) + Math.sqrt(squared(p, q)));
    const a = sums.get(labels[i])! / (size.get(labels[i])! - 1);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map((c) => sums.get(c)! / size.get(c)!));
    const denominator = Math.max(a, b);
    total += denominator === 0 ? 0 : (b - a) / denominator;
  }
  return total / points.length;
}

export interface TClustering {
  k: number;
  /** Each point's group, numbered 0… by first appearance. */
  labels: number[];
  /** The mean silhouette of the chosen k; null when the room is one group. */
  silhouette: number | null;
}

/**
 * k-means (k-means++ seeding with a fixed seed, so the same votes give the same groups) for k from
 * 2 up to `maxK` (no more than the distinct points, fewer than the points), keeping the k with the highest mean
 * silhouette; one group when none reaches `MIN_SILHOUETTE`.
 */
export function clusterBySilhouette(points: readonly (readonly number[])[], maxK = MAX_OPINION_GROUPS): TClustering {
  const distinct = new Set(points.map((p) => p.join(","))).size;
  let best: TClustering = { k: 1, labels: points.map(() => 0), silhouette: null };
  for (let k = 2; k <= Math.min(maxK, distinct, points.length - 1); k += 1) {
    const { clusters } = kmeans(points.map((p) => [...p]), k, { initialization: "kmeans++", seed: 42, maxIterations: 100 });
    const labels = renumber(clusters);
    const score = silhouetteOf(points, labels);
    if (score !== null && score >= MIN_SILHOUETTE && (best.silhouette === null || score > best.silhouette + 1e-9)) best = { k: new Set(labels).size, labels, silhouette: score };
  }
  return best;
}

function renumber(labels: readonly number[]): number[] {
  const seen = new Map<number, number>();
  return labels.map((label) => {
    if (!seen.has(label)) seen.set(label, seen.size);
    return seen.get(label)!;
  });
}

/**
 * Vote vectors (one row per person, one column per claim: AGREE 1, DISAGREE −1, UNSURE or no vote
 * 0) projected onto their first two principal components (centred, not scaled). A direction
 * without variance projects to 0, so identical voters sit on one dot.
 */
export function projectVotes(vectors: readonly (readonly number[])[]): [number, number][] {
  const columns = vectors[0]?.length ?? 0;
  const varying = Array.from({ length: columns }, (_, c) => c).filter((c) => vectors.some((v) => v[c] !== vectors[0][c]));
  if (varying.length === 0) return vectors.map(() => [0, 0]);
  const data = vectors.map((v) => varying.map((c) => v[c]));
  const pca = new PCA(data, { center: true, scale: false });
  const components = Math.min(2, pca.getEigenvalues().length);
  const projected = pca.predict(data, { nComponents: components }).to2DArray();
  return projected.map((row) => [clean(row[0]), clean(row[1])]);
}

const clean = (value: number | undefined) => (value === undefined || !Number.isFinite(value) || Math.abs(value) < 1e-12 ? 0 : value);

export interface TVoter {
  /** Who voted (kept by the caller: the groups refer to voters by their index). */
  votes: readonly { claimId: string; choice: TVoteChoice }[];
}

export interface TOpinionGroups {
  k: number;
  silhouette: number | null;
  /** One per voter placed (`voter`: the index in the voters given), in that order: the 2-D projection and the group. */
  points: { voter: number; x: number; y: number; group: number }[];
  /** Group by group: how many voters, and the authors closest to the group's majority. */
  groups: { group: number; size: number; closest: TCloseAuthor[] }[];
}

/** How many authors a group is shown with. */
const CLOSEST_PER_GROUP = 2;

/**
 * Opinion groups of the voters (the `MAX_GROUP_VOTERS` with the most votes): vote vectors over the claims most voted on, projected to 2-D,
 * clustered (k by silhouette), each group with the authors closest to its own majority. Null
 * below `MIN_VOTERS_FOR_GROUPS` voters.
 */
export function opinionGroups(all: readonly TVoter[], byAuthor: ReadonlyMap<string, Readonly<TPositions>>, authorOrder: readonly string[]): TOpinionGroups | null {
  if (all.length < MIN_VOTERS_FOR_GROUPS) return null;
  const placed = all
    .map((voter, index) => ({ voter, index }))
    .sort((a, b) => b.voter.votes.length - a.voter.votes.length || a.index - b.index)
    .slice(0, MAX_GROUP_VOTERS)
    .sort((a, b) => a.index - b.index);
  const voters = placed.map((p) => p.voter);
  const votesPerClaim = new Map<string, number>();
  for (const voter of voters) for (const vote of voter.votes) votesPerClaim.set(vote.claimId, (votesPerClaim.get(vote.claimId) ?? 0) + 1);
  const claimIds = [...votesPerClaim]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_GROUP_CLAIMS)
    .map(([id]) => id);
  const column = new Map(claimIds.map((id, i) => [id, i]));
  const vectors = voters.map((voter) => {
    const row = claimIds.map(() => 0);
    for (const vote of voter.votes) {
      const c = column.get(vote.claimId);
      if (c !== undefined) row[c] = vote.choice === "AGREE" ? 1 : vote.choice === "DISAGREE" ? -1 : 0;
    }
    return row;
  });
  const points = projectVotes(vectors);
  const { k, labels, silhouette } = clusterBySilhouette(points);
  const groups = Array.from({ length: k }, (_, group) => {
    const members = voters.filter((_, i) => labels[i] === group);
    const positions = majorityPositions(members.flatMap((m) => m.votes));
    return { group, size: members.length, closest: rankAuthors(agreementWithAuthors(positions, byAuthor), authorOrder).slice(0, CLOSEST_PER_GROUP) };
  });
  return { k, silhouette, points: points.map(([x, y], i) => ({ voter: placed[i].index, x, y, group: labels[i] })), groups };
}
