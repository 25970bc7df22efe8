/**
 * The workspace home's counts: claims and evidence links that a reader can find on the map, so a
 * link whose claim, quote or source was deleted is not counted.
 */
import { describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db/client";
import { liveSql } from "@/lib/db/live-rows";
import { generateMapWithDeletions } from "@/lib/testing/map-with-deletions";
import { getWorkspaceOverview } from "../get-workspace-overview";

describe("getWorkspaceOverview", () => {
  it("counts only live evidence, leaving out links under a deleted claim, quote or source", async () => {
    const map = await generateMapWithDeletions("overview-counts");
    const overview = await getWorkspaceOverview(map.workspaceId);
    const [{ live }] = await db().$queryRaw<{ live: number }[]>(
      Prisma.sql`select count(*)::int as live from ${liveSql.evidence} where e."workspaceId" = ${map.workspaceId}::uuid`,
    );
    const notDeletedThemselves = await db().evidence.count({ where: { workspaceId: map.workspaceId, deletedAt: null } });
    expect(overview.evidenceCount).toBe(live);
    // The map has links not deleted themselves whose claim, quote or source is: they are left out.
    expect(notDeletedThemselves).toBeGreaterThan(live);
    expect(overview.claimCount).toBe(29);
  });
});
