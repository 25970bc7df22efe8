import "server-only";
import { db } from "../../db/client";
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
    await prisma.presence.upsert({
      where: { workspaceId_clientId: { workspaceId, clientId: input.clientId } },
      create: { workspaceId, userId: viewer.userId, clientId: input.clientId, view: input.view, targetId: input.targetId ?? null },
      update: { userId: viewer.userId, view: input.view, targetId: input.targetId ?? null, updatedAt: new Date() },
    });
  }
  await prisma.$executeRaw`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify({ w: workspaceId })})`;
}
