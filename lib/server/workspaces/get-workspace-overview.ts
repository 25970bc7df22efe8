import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { formatPublished } from "../../domain/dates";
import type { TDatePrecision } from "../../domain/types";

export interface TWorkspaceOverview {
  sources: { id: string; title: string; publication: string | null; published: string; author: { id: string; name: string; shortName: string }; excerptCount: number }[];
  claimCount: number;
  evidenceCount: number;
}

/** What the workspace home lists: its sources by date, and how much has been mapped. */
export async function getWorkspaceOverview(workspaceId: string): Promise<TWorkspaceOverview> {
  const prisma = db();
  const [sources, claimCount, evidenceCount] = await Promise.all([
    prisma.source.findMany({
      where: { workspaceId, ...liveWhere.source },
      orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
      select: {
        id: true, title: true, publication: true, publishedOn: true, publishedPrecision: true,
        author: { select: { id: true, name: true, shortName: true } },
        _count: { select: { excerpts: { where: liveWhere.excerptOfLiveSource } } },
      },
    }),
    prisma.claim.count({ where: { workspaceId, ...liveWhere.claim } }),
    prisma.evidence.count({ where: { workspaceId, ...liveWhere.evidence } }),
  ]);
  return {
    sources: sources.map((s) => ({
      id: s.id, title: s.title, publication: s.publication, author: s.author, excerptCount: s._count.excerpts,
      published: formatPublished(s.publishedOn, s.publishedPrecision as TDatePrecision),
    })),
    claimCount,
    evidenceCount,
  };
}
