import "server-only";
import { db } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { tallyFromCounts, type TPollView, type TSeminarView } from "../../domain/seminar";

export type { TPollView, TSeminarView };
import type { TTx } from "../mutation";

type TClient = TTx | ReturnType<typeof db>;

/** The workspace's live session as `viewerId` sees it, or null when none is running. */
export async function getLiveSeminar(workspaceId: string, viewerId: string | null, client: TClient = db()): Promise<TSeminarView | null> {
  const seminar = await client.seminar.findFirst({
    where: { workspaceId, endedAt: null },
    select: { id: true, version: true, startedAt: true, facilitatorId: true, spotlightClaimId: true, locked: true },
  });
  if (!seminar) return null;
  const [facilitator, spotlight, poll] = await Promise.all([
    client.user.findUnique({ where: { id: seminar.facilitatorId }, select: { id: true, name: true } }),
    seminar.spotlightClaimId ? spotlightOf(client, workspaceId, seminar.spotlightClaimId) : null,
    client.poll.findFirst({ where: { seminarId: seminar.id }, orderBy: { openedAt: "desc" }, select: { id: true, claimId: true, closedAt: true, revealedAt: true, claim: { select: { text: true } } } }),
  ]);
  const isFacilitator = viewerId === seminar.facilitatorId;
  return {
    id: seminar.id,
    version: seminar.version,
    startedAt: seminar.startedAt.toISOString(),
    facilitator: facilitator ?? { id: seminar.facilitatorId, name: "The facilitator" },
    isFacilitator,
    locked: seminar.locked,
    spotlight,
    poll: poll ? await pollView(client, poll, viewerId, isFacilitator) : null,
  };
}

/**
 * The spotlighted claim with its place in the map's order ("Claim 3 of 12"), counted by the
 * database: this runs in the workspace layout on every page while a session is live, so it must
 * not read every claim of a large map. Null when the claim was deleted meanwhile.
 */
async function spotlightOf(client: TClient, workspaceId: string, claimId: string): Promise<TSeminarView["spotlight"]> {
  const [row] = await client.$queryRaw<{ id: string; text: string; position: number; count: number }[]>`
    select k.id::text, k.text,
      (select count(*)::int from "Claim" c where c."workspaceId" = k."workspaceId" and ${liveSql.claim("c")}
         and (c.rank < k.rank or (c.rank = k.rank and c."createdAt" < k."createdAt"))) + 1 as position,
      (select count(*)::int from "Claim" c where c."workspaceId" = k."workspaceId" and ${liveSql.claim("c")}) as count
    from "Claim" k
    where k.id = ${claimId}::uuid and k."workspaceId" = ${workspaceId}::uuid and ${liveSql.claim("k")}`;
  return row ? { claimId: row.id, text: row.text, position: row.position, count: row.count } : null;
}

async function pollView(
  client: TClient,
  poll: { id: string; claimId: string; closedAt: Date | null; revealedAt: Date | null; claim: { text: string } },
  viewerId: string | null,
  isFacilitator: boolean,
): Promise<TPollView> {
  const [counts, mine] = await Promise.all([
    client.pollBallot.groupBy({ by: ["choice"], where: { pollId: poll.id }, _count: { _all: true } }),
    viewerId ? client.pollBallot.findUnique({ where: { pollId_userId: { pollId: poll.id, userId: viewerId } }, select: { choice: true } }) : null,
  ]);
  const tally = tallyFromCounts(counts.map((c) => ({ choice: c.choice, count: c._count._all })));
  const revealed = poll.revealedAt !== null;
  return {
    id: poll.id,
    claimId: poll.claimId,
    claimText: poll.claim.text,
    open: poll.closedAt === null,
    revealed,
    ballots: tally.total,
    tally: revealed || isFacilitator ? tally : null,
    myChoice: mine?.choice ?? null,
  };
}

/** How long after a session ended its participants are pointed to the summary. */
const RECENTLY_ENDED_MS = 30 * 60_000;

/** What the workspace header shows: the live session, else one that ended a short while ago. */
export async function getSeminarBanner(
  workspaceId: string,
  viewerId: string | null,
  known: { live: boolean } | null = null,
): Promise<{ live: TSeminarView | null; ended: { id: string; endedAt: string } | null }> {
  // Authorization already read whether a session is live: no need to look again when none is.
  const live = known?.live === false ? null : await getLiveSeminar(workspaceId, viewerId);
  if (live) return { live, ended: null };
  const ended = await db().seminar.findFirst({
    where: { workspaceId, endedAt: { gte: new Date(Date.now() - RECENTLY_ENDED_MS) } },
    orderBy: { endedAt: "desc" },
    select: { id: true, endedAt: true },
  });
  return { live: null, ended: ended?.endedAt ? { id: ended.id, endedAt: ended.endedAt.toISOString() } : null };
}
