import "server-only";
import { db } from "../../db/client";
import type { TSeminarSummary } from "../../domain/seminar";
import { notFound } from "../../errors/app-error";

export interface TSeminarRecord {
  id: string;
  startedAt: string;
  endedAt: string | null;
  facilitator: string;
  /** Written when the session ends; null while it is live. */
  summary: TSeminarSummary | null;
}

/** A session of the workspace (live or ended) with its summary once ended. */
export async function getSeminarRecord(workspaceId: string, seminarId: string): Promise<TSeminarRecord> {
  const seminar = await db().seminar.findFirst({ where: { id: seminarId, workspaceId }, select: { id: true, startedAt: true, endedAt: true, facilitatorId: true, summary: true } });
  if (!seminar) throw notFound("Session");
  const facilitator = await db().user.findUnique({ where: { id: seminar.facilitatorId }, select: { name: true } });
  return {
    id: seminar.id,
    startedAt: seminar.startedAt.toISOString(),
    endedAt: seminar.endedAt?.toISOString() ?? null,
    facilitator: facilitator?.name ?? "The facilitator",
    summary: (seminar.summary as TSeminarSummary | null) ?? null,
  };
}

/** The workspace's sessions, newest first. */
export async function listSeminars(workspaceId: string): Promise<Omit<TSeminarRecord, "summary">[]> {
  const rows = await db().seminar.findMany({ where: { workspaceId }, orderBy: { startedAt: "desc" }, take: 100, select: { id: true, startedAt: true, endedAt: true, facilitatorId: true } });
  const names = new Map((await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.facilitatorId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({ id: r.id, startedAt: r.startedAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null, facilitator: names.get(r.facilitatorId) ?? "The facilitator" }));
}
