import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import type { TAgreement } from "../../domain/agreement";
import { agreementWithAuthors, closestAuthor, majorityPositions, opinionGroups, positionsOfVotes, type TCloseAuthor } from "../../domain/room";
import type { TPositionStance, TRole, TVoteChoice } from "../../domain/types";

export interface TRoomGroup {
  group: number;
  size: number;
  /** The authors closest to the group's own majority, closest first. */
  closest: TCloseAuthor[];
  /** The members' names: only for the workspace's owners and the live session's facilitator, else null. */
  members: string[] | null;
}

export interface TRoomPoint {
  x: number;
  y: number;
  group: number;
  /** The viewer's own dot. */
  mine: boolean;
  /** Whose dot: only for owners and the facilitator; others see anonymous dots. */
  name?: string;
}

export interface TRoom {
  /** People whose votes count (at least one vote on a live claim whose tally is not held back). */
  voters: number;
  /** The room's majority against every author, by author id. */
  agreement: Record<string, TAgreement>;
  /** The viewer's own votes against every author, and the closest; null for a viewer without votes. */
  me: { votes: number; agreement: Record<string, TAgreement>; closest: TCloseAuthor | null } | null;
  /** Opinion groups, from `MIN_VOTERS_FOR_GROUPS` voters on; null below. */
  groups: { k: number; silhouette: number | null; groups: TRoomGroup[]; points: TRoomPoint[] } | null;
  /** Whether this answer carries names (the viewer is an owner or the live session's facilitator). */
  named: boolean;
}

/**
 * The room set among the authors: the majority of the votes on each claim, the viewer's own
 * votes, and opinion groups — each against the authors' positions (`byAuthor`, from the matrix).
 * Individual votes never leave this function: the answer holds counts, agreement shares and 2-D
 * dots, and names only for owners and the live session's facilitator. A claim whose tally the
 * live session holds back for an unrevealed poll is left out for everyone but its facilitator,
 * as on the claim page.
 */
export async function readRoom(
  workspaceId: string,
  byAuthor: ReadonlyMap<string, Record<string, TPositionStance>>,
  viewer: { userId: string | null; role: TRole | null },
): Promise<TRoom> {
  const [votes, seminar] = await Promise.all([
    db().vote.findMany({ where: { workspaceId, claim: liveWhere.claim }, select: { claimId: true, userId: true, choice: true }, orderBy: [{ userId: "asc" }, { claimId: "asc" }] }),
    db().seminar.findFirst({
      where: { workspaceId, endedAt: null },
      select: { facilitatorId: true, polls: { orderBy: { openedAt: "desc" }, select: { claimId: true, revealedAt: true } } },
    }),
  ]);
  const facilitator = seminar !== null && seminar.facilitatorId === viewer.userId;
  const held = new Set<string>();
  if (seminar && !facilitator) {
    const latest = new Map<string, boolean>();
    for (const poll of seminar.polls) if (!latest.has(poll.claimId)) latest.set(poll.claimId, poll.revealedAt === null);
    for (const [claimId, hidden] of latest) if (hidden) held.add(claimId);
  }
  const counted = votes.filter((v) => !held.has(v.claimId));
  const named = facilitator || viewer.role === "OWNER";
  const authorOrder = [...byAuthor.keys()];

  const byVoter = new Map<string, { claimId: string; choice: TVoteChoice }[]>();
  for (const vote of counted) {
    const list = byVoter.get(vote.userId);
    if (list) list.push(vote);
    else byVoter.set(vote.userId, [vote]);
  }
  const mine = viewer.userId ? byVoter.get(viewer.userId) : undefined;
  const myAgreement = mine ? agreementWithAuthors(positionsOfVotes(mine), byAuthor) : null;

  const voterIds = [...byVoter.keys()];
  const found = opinionGroups(
    voterIds.map((id) => ({ votes: byVoter.get(id)! })),
    byAuthor,
    authorOrder,
  );
  let groups: TRoom["groups"] = null;
  if (found) {
    const names = named ? await namesOf(voterIds) : null;
    // Dots go out ordered by place, never by voter, so their order says nothing of who is who.
    const points = found.points
      .map((p) => ({ x: p.x, y: p.y, group: p.group, mine: voterIds[p.voter] === viewer.userId, ...(names ? { name: names.get(voterIds[p.voter]) ?? "Someone" } : {}) }))
      .sort((a, b) => a.group - b.group || a.x - b.x || a.y - b.y);
    groups = {
      k: found.k,
      silhouette: found.silhouette,
      points,
      groups: found.groups.map((g) => ({
        ...g,
        members: names ? found.points.filter((p) => p.group === g.group).map((p) => names.get(voterIds[p.voter]) ?? "Someone") : null,
      })),
    };
  }
  return {
    voters: byVoter.size,
    agreement: agreementWithAuthors(majorityPositions(counted), byAuthor),
    me: mine && myAgreement ? { votes: mine.length, agreement: myAgreement, closest: closestAuthor(myAgreement, authorOrder) } : null,
    groups,
    named,
  };
}

async function namesOf(userIds: string[]): Promise<Map<string, string>> {
  const users = await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
