import { describe, expect, it } from "vitest";
import { db } from "../client";
import { cleanExpiredRows, DELETED_WORKSPACE_KEEP_DAYS } from "../housekeeping";
import { generateMapWithDeletions } from "../../testing/map-with-deletions";

describe("cleanExpiredRows", () => {
  it("deletes what has expired and keeps what is still in use", async () => {
    const prisma = db();
    const now = new Date("2030-01-02T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: "sco-debate" } });
    const user = await prisma.user.create({ data: { email: `keeper-${Date.now()}@example.test`, name: "Keeper" } });
    await prisma.presence.createMany({
      data: [
        { workspaceId: workspace.id, userId: user.id, clientId: "old-tab", view: "matrix", updatedAt: hoursAgo(3) },
        { workspaceId: workspace.id, userId: user.id, clientId: "open-tab", view: "matrix", updatedAt: hoursAgo(0) },
      ],
    });
    await prisma.idempotentRequest.createMany({
      data: [
        { callerId: user.id, key: "old", fingerprint: "f", status: 201, body: {}, createdAt: hoursAgo(30) },
        { callerId: user.id, key: "recent", fingerprint: "f", status: 201, body: {}, createdAt: hoursAgo(2) },
      ],
    });
    await prisma.writeRateLimit.createMany({
      data: [
        { key: `old-${user.id}`, points: 3, expire: BigInt(now.getTime() - 1000) },
        { key: `live-${user.id}`, points: 3, expire: BigInt(now.getTime() + 60_000) },
      ],
    });
    await prisma.session.createMany({
      data: [
        { userId: user.id, token: `old-${user.id}`, expiresAt: hoursAgo(1), createdAt: hoursAgo(100), updatedAt: hoursAgo(100) },
        { userId: user.id, token: `live-${user.id}`, expiresAt: new Date(now.getTime() + 3600_000), createdAt: hoursAgo(1), updatedAt: hoursAgo(1) },
      ],
    });

    const removed = await cleanExpiredRows(prisma, now);
    expect(removed).toMatchObject({ presence: expect.any(Number), idempotentRequests: expect.any(Number) });
    expect((await prisma.presence.findMany({ where: { userId: user.id } })).map((p) => p.clientId)).toEqual(["open-tab"]);
    expect((await prisma.idempotentRequest.findMany({ where: { callerId: user.id } })).map((r) => r.key)).toEqual(["recent"]);
    expect(await prisma.writeRateLimit.findMany({ where: { key: { endsWith: user.id } }, select: { key: true } })).toEqual([{ key: `live-${user.id}` }]);
    expect((await prisma.session.findMany({ where: { userId: user.id } })).map((s) => s.token)).toEqual([`live-${user.id}`]);
    expect(removed.presence).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(1);
  });

  it("purges workspaces deleted more than 30 days ago with everything in them, and keeps younger ones", async () => {
    const prisma = db();
    const now = new Date();
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const old = await generateMapWithDeletions(`purge-old-${Date.now()}`);
    const young = await generateMapWithDeletions(`purge-young-${Date.now()}`);
    const user = await prisma.user.create({ data: { email: `purged-${Date.now()}@example.test`, name: "Purged" } });
    for (const { workspaceId } of [old, young]) {
      await prisma.invite.create({ data: { workspaceId, role: "VIEWER", tokenHash: `purge-${workspaceId}`, expiresAt: now, maxUses: 1 } });
      await prisma.workspaceSlugAlias.create({ data: { slug: `alias-${workspaceId}`, workspaceId } });
      await prisma.presence.create({ data: { workspaceId, userId: user.id, clientId: `purge-${workspaceId}`, view: "matrix" } });
      await prisma.comment.create({ data: { workspaceId, claimId: (await prisma.claim.findFirstOrThrow({ where: { workspaceId } })).id, authorId: user.id, body: "A remark." } });
    }
    await prisma.workspace.update({ where: { id: old.workspaceId }, data: { deletedAt: daysAgo(DELETED_WORKSPACE_KEEP_DAYS + 1) } });
    await prisma.workspace.update({ where: { id: young.workspaceId }, data: { deletedAt: daysAgo(DELETED_WORKSPACE_KEEP_DAYS - 1) } });
    const rows = (workspaceId: string) =>
      prisma.$queryRaw<{ n: number }[]>`
        select (select count(*) from "Source" where "workspaceId" = ${workspaceId}::uuid)
             + (select count(*) from "Claim" where "workspaceId" = ${workspaceId}::uuid)
             + (select count(*) from "Evidence" where "workspaceId" = ${workspaceId}::uuid)
             + (select count(*) from "Author" where "workspaceId" = ${workspaceId}::uuid)
             + (select count(*) from "Event" where "workspaceId" = ${workspaceId}::uuid) as n`;
    expect((await rows(old.workspaceId))[0].n).toBeGreaterThan(0);

    const removed = await cleanExpiredRows(prisma, now);
    expect(removed.workspaces).toBeGreaterThanOrEqual(1);
    expect(await prisma.workspace.findUnique({ where: { id: old.workspaceId } })).toBeNull();
    expect(Number((await rows(old.workspaceId))[0].n)).toBe(0);
    expect(await prisma.workspaceSlugAlias.count({ where: { workspaceId: old.workspaceId } })).toBe(0);
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: young.workspaceId } })).deletedAt).not.toBeNull();
    expect(Number((await rows(young.workspaceId))[0].n)).toBeGreaterThan(0);
  });
});
