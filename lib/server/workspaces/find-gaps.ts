import "server-only";
import { db } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { silentGaps, type TSilentGap } from "../../domain/gaps";
import type { TMatrix } from "../../domain/matrix";
import { DEFAULT_ORPHAN_REASON } from "../../domain/types";

/** How many items each list of the gaps panel carries (totals are always exact). */
const LIST_LIMIT = 100;

export interface TThinClaim {
  claimId: string;
  claimText: string;
  /** The one source its evidence comes from, or null when it has no evidence at all. */
  source: { id: string; title: string; authorShortName: string } | null;
}

export interface TUncitedExcerpt {
  excerptId: string;
  sourceId: string;
  sourceTitle: string;
  authorShortName: string;
  exact: string;
}

export interface TOrphanedExcerptGap {
  excerptId: string;
  sourceId: string;
  sourceTitle: string;
  authorShortName: string;
  exact: string;
  /** Why a revision of the text left it without a place. */
  reason: string;
  /** How many claims it was evidence for (not counted while it is orphaned). */
  evidenceCount: number;
}

export interface TGaps {
  /** Claims whose evidence comes from one source only, or from none. */
  thinClaims: { total: number; items: TThinClaim[] };
  /** Claims with the authors who take no position on them. */
  silent: { total: number; cells: number; items: TSilentGap[] };
  /** Passages marked in a source that back no claim. */
  uncitedExcerpts: { total: number; items: TUncitedExcerpt[] };
  /** Passages a revised text no longer holds: re-attach them in the new text, or delete them. */
  orphanedExcerpts: { total: number; items: TOrphanedExcerptGap[] };
}

/**
 * Where a map is weakest: claims resting on one source (or none), authors silent on a claim (from
 * the matrix the caller already has, so positions are resolved once), and excerpts that back no
 * claim, and excerpts orphaned by a revision of their source's text. Soft-deleted rows, and the evidence of soft-deleted sources, do not count.
 */
export async function findGaps(workspaceId: string, matrix: TMatrix): Promise<TGaps> {
  const prisma = db();
  const [thin, uncited, orphaned] = await Promise.all([
    prisma.$queryRaw<{ claimId: string; claimText: string; sources: number; sourceId: string | null; sourceTitle: string | null; authorShortName: string | null; total: number }[]>`
      with per_claim as (
        select k.id, k.text, k.rank, count(distinct s.id)::int as sources, min(s.id::text) as "sourceId"
        from "Claim" k
        left join ${liveSql.evidence} on e."claimId" = k.id
        where k."workspaceId" = ${workspaceId}::uuid and ${liveSql.claim("k")}
        group by k.id
      )
      select p.id as "claimId", p.text as "claimText", p.sources, p."sourceId", s.title as "sourceTitle", a."shortName" as "authorShortName",
             count(*) over ()::int as total
      from per_claim p
      left join "Source" s on s.id = p."sourceId"::uuid
      left join "Author" a on a.id = s."authorId"
      where p.sources <= 1
      order by p.sources, p.rank
      limit ${LIST_LIMIT}`,
    prisma.$queryRaw<(TUncitedExcerpt & { total: number })[]>`
      select x.id as "excerptId", s.id as "sourceId", s.title as "sourceTitle", a."shortName" as "authorShortName", x.exact,
             count(*) over ()::int as total
      from ${liveSql.excerpts}
      join "Author" a on a.id = s."authorId"
      where x."workspaceId" = ${workspaceId}::uuid
        and not exists (select 1 from ${liveSql.evidenceOnLiveClaims} where e."excerptId" = x.id)
      order by s.title, x.start
      limit ${LIST_LIMIT}`,
    // Orphans are not live excerpts (they count nowhere), so they are found apart.
    prisma.$queryRaw<(TOrphanedExcerptGap & { total: number })[]>`
      select x.id as "excerptId", s.id as "sourceId", s.title as "sourceTitle", a."shortName" as "authorShortName", x.exact,
             coalesce(x."orphanReason", ${DEFAULT_ORPHAN_REASON}) as reason,
             (select count(*)::int from ${liveSql.evidenceOnLiveClaims} where e."excerptId" = x.id) as "evidenceCount",
             count(*) over ()::int as total
      from ${liveSql.orphanedExcerpts}
      join "Author" a on a.id = s."authorId"
      where x."workspaceId" = ${workspaceId}::uuid
      order by x."orphanedAt" desc, s.title
      limit ${LIST_LIMIT}`,
  ]);
  const silent = silentGaps(matrix);
  return {
    thinClaims: {
      total: thin[0]?.total ?? 0,
      items: thin.map((r) => ({
        claimId: r.claimId,
        claimText: r.claimText,
        source: r.sourceId && r.sourceTitle ? { id: r.sourceId, title: r.sourceTitle, authorShortName: r.authorShortName ?? "" } : null,
      })),
    },
    silent: { total: silent.length, cells: silent.reduce((n, g) => n + g.authorIds.length, 0), items: silent.slice(0, LIST_LIMIT) },
    uncitedExcerpts: { total: uncited[0]?.total ?? 0, items: uncited.map(({ total: _total, ...item }) => item) },
    orphanedExcerpts: { total: orphaned[0]?.total ?? 0, items: orphaned.map(({ total: _total, ...item }) => item) },
  };
}
