import { describe, expect, it } from "vitest";
import type { TPositionStance, TVoteChoice } from "../types";
import {
  agreementWithAuthors,
  closestAuthor,
  clusterBySilhouette,
  describeClosest,
  majorityOf,
  majorityPositions,
  opinionGroups,
  positionsOfVotes,
  projectVotes,
  rankAuthors,
  silhouetteOf,
} from "../room";

const tally = (AGREE: number, DISAGREE: number, UNSURE: number) => ({ AGREE, DISAGREE, UNSURE });

describe("majorityOf", () => {
  it("reads the choice with the most votes as a position", () => {
    expect(majorityOf(tally(3, 1, 1))).toBe("SUPPORTS");
    expect(majorityOf(tally(0, 2, 1))).toBe("OPPOSES");
    expect(majorityOf(tally(1, 1, 3))).toBe("SILENT");
  });
  it("calls a tie between agree and disagree a split room, other ties no position", () => {
    expect(majorityOf(tally(2, 2, 0))).toBe("MIXED");
    expect(majorityOf(tally(2, 2, 2))).toBe("MIXED");
    expect(majorityOf(tally(2, 0, 2))).toBe("SILENT");
    expect(majorityOf(tally(0, 1, 1))).toBe("SILENT");
  });
  it("takes no position without votes", () => {
    expect(majorityOf(tally(0, 0, 0))).toBe("SILENT");
  });
});

describe("majorityPositions and positionsOfVotes", () => {
  const votes = (claimId: string, ...choices: TVoteChoice[]) => choices.map((choice) => ({ claimId, choice }));
  it("gives the majority per claim and leaves out claims without one", () => {
    expect(majorityPositions([...votes("a", "AGREE", "AGREE", "DISAGREE"), ...votes("b", "AGREE", "DISAGREE"), ...votes("c", "UNSURE", "UNSURE", "AGREE")])).toEqual({ a: "SUPPORTS", b: "MIXED" });
  });
  it("reads one person's unsure vote as no position", () => {
    expect(positionsOfVotes([...votes("a", "AGREE"), ...votes("b", "DISAGREE"), ...votes("c", "UNSURE")])).toEqual({ a: "SUPPORTS", b: "OPPOSES" });
  });
});

describe("agreement with the authors and the closest author", () => {
  const byAuthor = new Map<string, Record<string, TPositionStance>>([
    ["harding", { c1: "SUPPORTS", c2: "SUPPORTS", c3: "OPPOSES", c4: "QUALIFIES" } as const],
    ["katz", { c1: "OPPOSES", c2: "SUPPORTS" } as const],
    ["ecfr", { c5: "SUPPORTS" } as const],
  ]);
  const mine = { c1: "SUPPORTS", c2: "SUPPORTS", c3: "SUPPORTS", c4: "OPPOSES" } as const;

  it("measures the share of shared claims agreed on, with n, against every author", () => {
    const agreement = agreementWithAuthors(mine, byAuthor);
    expect(agreement.harding).toMatchObject({ n: 4, agree: 2, disagree: 1, differ: 1, share: 0.5 });
    expect(agreement.katz).toMatchObject({ n: 2, agree: 1, disagree: 1, share: 0.5 });
    expect(agreement.ecfr).toMatchObject({ n: 0, share: null });
  });

  it("ranks by share, then by claims agreed on, then the authors' order, leaving out n = 0", () => {
    const agreement = agreementWithAuthors(mine, byAuthor);
    // Equal shares: Harding agrees on 2 of 4, Katz on 1 of 2 — more evidence ranks first.
    expect(rankAuthors(agreement, ["katz", "harding", "ecfr"]).map((a) => a.authorId)).toEqual(["harding", "katz"]);
    const equal = { x: { n: 2, agree: 1, disagree: 1, differ: 0, share: 0.5 }, y: { n: 2, agree: 1, disagree: 0, differ: 1, share: 0.5 } };
    expect(rankAuthors(equal, ["y", "x"]).map((a) => a.authorId)).toEqual(["y", "x"]);
    const higher = { x: { n: 8, agree: 6, disagree: 2, differ: 0, share: 0.75 }, y: { n: 1, agree: 1, disagree: 0, differ: 0, share: 1 } };
    expect(closestAuthor(higher, ["x", "y"])).toEqual({ authorId: "y", agree: 1, n: 1, share: 1 });
  });

  it("says it in words, or what to do when no claim is shared", () => {
    const closest = { authorId: "harding", agree: 6, n: 8, share: 0.75 };
    expect(describeClosest(closest, () => "Harding")).toBe("You agree most with Harding, 6 of 8 shared claims.");
    expect(closestAuthor({ ecfr: { n: 0, agree: 0, disagree: 0, differ: 0, share: null } }, ["ecfr"])).toBeNull();
    expect(describeClosest(null, () => "")).toMatch(/share no claim/);
  });
});

describe("silhouetteOf", () => {
  it("matches a hand computation", () => {
    // Clusters {0, 1} and {10}: point 0 has a = 1, b = 10 → 0.9; point 1: a = 1, b = 9 → 8/9; the lone point counts 0.
    expect(silhouetteOf([[0], [1], [10]], [0, 0, 1])).toBeCloseTo((0.9 + 8 / 9 + 0) / 3, 10);
  });
  it("is null for one cluster", () => {
    expect(silhouetteOf([[0], [1]], [0, 0])).toBeNull();
  });
});

/** Three tight clusters of four points around well-separated centres. */
function threeBlobs(): number[][] {
  const centres = [
    [0, 0],
    [10, 0],
    [5, 9],
  ];
  const offsets = [
    [0.3, 0.1],
    [-0.2, 0.4],
    [0.1, -0.3],
    [-0.4, -0.2],
  ];
  return centres.flatMap(([cx, cy]) => offsets.map(([dx, dy]) => [cx + dx, cy + dy]));
}

describe("clusterBySilhouette", () => {
  it("finds the three clusters of a constructed data set", () => {
    const points = threeBlobs();
    const { k, labels, silhouette } = clusterBySilhouette(points);
    expect(k).toBe(3);
    expect(silhouette).toBeGreaterThan(0.8);
    for (const blob of [0, 1, 2]) expect(new Set(labels.slice(blob * 4, blob * 4 + 4)).size).toBe(1);
    expect(new Set(labels).size).toBe(3);
  });
  it("keeps one group when every point is the same", () => {
    expect(clusterBySilhouette(Array.from({ length: 9 }, () => [1, 2]))).toEqual({ k: 1, labels: Array(9).fill(0), silhouette: null });
  });
  it("gives the same answer every time", () => {
    expect(clusterBySilhouette(threeBlobs())).toEqual(clusterBySilhouette(threeBlobs()));
  });
});

describe("projectVotes", () => {
  it("puts identical voters on one dot and opposite voters apart", () => {
    const points = projectVotes([
      [1, 1, -1],
      [1, 1, -1],
      [-1, -1, 1],
    ]);
    expect(points[0]).toEqual(points[1]);
    expect(Math.hypot(points[0][0] - points[2][0], points[0][1] - points[2][1])).toBeCloseTo(Math.sqrt(12), 6);
  });
  it("projects voters who all vote alike to the origin", () => {
    expect(projectVotes([[1, 0], [1, 0]])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe("opinionGroups", () => {
  const byAuthor = new Map<string, Record<string, TPositionStance>>([
    ["hawk", { c1: "SUPPORTS", c2: "SUPPORTS", c3: "OPPOSES", c4: "OPPOSES" } as const],
    ["dove", { c1: "OPPOSES", c2: "OPPOSES", c3: "SUPPORTS", c4: "SUPPORTS" } as const],
  ]);
  const voter = (choices: TVoteChoice[]) => ({ votes: choices.map((choice, i) => ({ claimId: `c${i + 1}`, choice })) });

  it("needs eight voters", () => {
    expect(opinionGroups(Array.from({ length: 7 }, () => voter(["AGREE"])), byAuthor, ["hawk", "dove"])).toBeNull();
  });

  it("splits two camps and names the author closest to each", () => {
    const hawks = Array.from({ length: 5 }, () => voter(["AGREE", "AGREE", "DISAGREE", "DISAGREE"]));
    const doves = Array.from({ length: 4 }, () => voter(["DISAGREE", "DISAGREE", "AGREE", "AGREE"]));
    const result = opinionGroups([...hawks, ...doves], byAuthor, ["hawk", "dove"])!;
    expect(result.k).toBe(2);
    expect(result.points).toHaveLength(9);
    const hawkGroup = result.points[0].group;
    expect(result.points.slice(0, 5).every((p) => p.group === hawkGroup)).toBe(true);
    expect(result.points.slice(5).every((p) => p.group !== hawkGroup)).toBe(true);
    expect(result.groups[hawkGroup]).toMatchObject({ size: 5, closest: [{ authorId: "hawk", agree: 4, n: 4 }, { authorId: "dove", agree: 0 }] });
    expect(result.groups[1 - hawkGroup].closest[0]).toMatchObject({ authorId: "dove", agree: 4, n: 4 });
  });
});
