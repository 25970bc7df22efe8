import "server-only";
import { db, Prisma } from "../../db/client";
import { liveSql } from "../../db/live-rows";

/** At most this many (passage, claim) pairs are offered when a round is made. */
export const MAX_ROUND_CANDIDATES = 2000;

/**
 * What a facilitator can put in a round: the map's (passage, claim) pairs with the passage's
 * author, in claim order then text order — "every passage of Harding and ECFR on these claims".
 */
export async function listRoundCandidates(workspaceId: string) {
  const rows = await db().$queryRaw<{ excerptId: string; claimId: string; authorId: string; exact: string }[]>(Prisma.sql`
    select x.id::text as "excerptId", c.id::text as "claimId", s."authorId"::text as "authorId", left(x.exact, 200) as exact
    from ${liveSql.evidence}
    where e."workspaceId" = ${workspaceId}::uuid
    order by c.rank, s.id, x.start
    limit ${MAX_ROUND_CANDIDATES}`);
  return rows;
}
