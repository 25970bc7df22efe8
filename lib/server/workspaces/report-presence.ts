import "server-only";
import { db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { PRESENCE_CHANNEL } from "../../realtime/events";
import type { TViewer } from "../authorize";

/**
 * Records what a signed-in reader is looking at (one row per open page) and tells every instance
 * so that others see it. Presence is not a change to the map: no Event, no version.
 */
export async function reportPresence(viewer: TViewer, workspaceId: string, input: { clientId: string; view: string; targetId?: string | null; leaving?: boolean }) {
  const prisma = db();
  if (input.leaving) {
    await prisma.presence.deleteMany({ where: { workspaceId, clientId: input.clientId, userId: viewer.userId } });
  } else {
    // A page's row is its own: someone who learns another's client id cannot move or rename it.
    const written = await prisma.$executeRaw`
      insert into "Presence" ("workspaceId", "userId", "clientId", view, "targetId", "updatedAt")
      values (${workspaceId}::uuid, ${viewer.userId}::uuid, ${input.clientId}, ${input.view}, ${input.targetId ?? null}, ${new Date()}::timestamp(3))
      on conflict ("workspaceId", "clientId") do update
        set view = excluded.view, "targetId" = excluded."targetId", "updatedAt" = excluded."updatedAt"
        where "Presence"."userId" = excluded."userId"`;
    if (written === 0) throw new AppError("CONFLICT", "This page's client id belongs to another reader; reload the page to get a new one.");
  }
  await prisma.$executeRaw`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify({ w: workspaceId })})`;
}
