import "server-only";
import { db, Prisma } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import type { TCommentTargetType } from "../../domain/comments";
import { clipFragment, type TFragment } from "../../domain/search";
import { CANDIDATES, FRAGMENT_LENGTH, group, marksOf, type TSearchContext, type TSearchGroup } from "./search-groups";
import { correctedQuery, HIGHLIGHT_OPTIONS, userQuery } from "./search-query";

export interface TCommentHit {
  id: string;
  fragment: TFragment;
  /** Who wrote it (for an imported comment, the name it came with). */
  author: string;
  createdAt: string;
  /** What the comment is on. */
  target: { type: TCommentTargetType; id: string };
  /** The claim it is about: the target itself, or an evidence link's claim. */
  claim: { id: string; text: string } | null;
  /** The passage it is about: the target itself, or an evidence link's excerpt. */
  excerpt: { id: string; source: { id: string; title: string } } | null;
  rank: number;
}

type TCommentRow = {
  id: string;
  text: string;
  authorName: string;
  createdAt: Date;
  targetType: TCommentTargetType;
  targetId: string;
  claimId: string | null;
  claimText: string | null;
  excerptId: string | null;
  sourceId: string | null;
  sourceTitle: string | null;
  rank: number;
  total: number;
  marked: string | null;
};

/** Comments with the query's words, or else with the words corrected, on live claims, excerpts and evidence links. */
export async function searchComments(ctx: TSearchContext): Promise<TSearchGroup<TCommentHit>> {
  const byWords = await commentRows(ctx, userQuery(ctx.q));
  if (byWords.length > 0) return group(byWords, "words", commentHit);
  const corrected = await ctx.corrected();
  if (!corrected) return group([], "words", commentHit);
  return group(await commentRows(ctx, correctedQuery(corrected)), "similar", commentHit, corrected);
}

/**
 * Whether a comment (`m`, with its link's claim and excerpt as `le`) is on something live: a live
 * claim, a live excerpt, or a live evidence link (the link itself, its claim and its excerpt, each
 * looked up once). Each target is looked up by primary key (the LIMIT 1 keeps each lookup a nested
 * index probe: hashing every evidence link of a large map to check a few hundred comments costs
 * far more).
 */
const COMMENT_TARGET_JOINS = Prisma.sql`
  left join lateral (select e."claimId", e."excerptId" from "Evidence" e where e.id = m."evidenceId" and ${liveSql.evidenceItself("e")} limit 1) le on true
  left join lateral (select 1 as live from "Claim" k where k.id = coalesce(m."claimId", le."claimId") and ${liveSql.claim("k")} limit 1) k on true
  left join lateral (select 1 as live from ${liveSql.excerpts} where x.id = coalesce(m."excerptId", le."excerptId") limit 1) t on true`;
const COMMENT_TARGET_LIVE = Prisma.sql`(m."evidenceId" is null or le."claimId" is not null)
  and ((m."claimId" is null and le."claimId" is null) or k.live is not null)
  and ((m."excerptId" is null and le."excerptId" is null) or t.live is not null)`;

function commentRows({ workspaceId, limit }: TSearchContext, query: Prisma.Sql) {
  // The candidates are ranked first and checked for a live target in rank order, so a common
  // word checks the shown few rather than a thousand. The count checks every candidate only when
  // there are fewer than the cap (at the cap it reads "1,000+" either way).
  return db().$queryRaw<TCommentRow[]>`
    with candidates as materialized (
      select m.id, m.body as text, m."authorId", m."importedAuthorName", m."createdAt", m."claimId", m."excerptId", m."evidenceId",
        ts_rank_cd(m."searchVector", ${query}) as rank
      from "Comment" m
      where m."workspaceId" = ${workspaceId}::uuid and ${liveSql.comment("m")} and m."searchVector" @@ ${query}
      limit ${CANDIDATES}
    ), hits as (
      select m.*, coalesce(m."claimId", le."claimId") as "aboutClaim", coalesce(m."excerptId", le."excerptId") as "aboutExcerpt"
      from (select * from candidates order by rank desc, "createdAt" desc) m
      ${COMMENT_TARGET_JOINS}
      where ${COMMENT_TARGET_LIVE}
      order by m.rank desc, m."createdAt" desc
      limit ${limit}
    )
    select h.id::text, h.text, coalesce(h."importedAuthorName", u.name) as "authorName", h."createdAt",
      case when h."claimId" is not null then 'claim' when h."excerptId" is not null then 'excerpt' else 'evidence' end as "targetType",
      coalesce(h."claimId", h."excerptId", h."evidenceId")::text as "targetId",
      k.id::text as "claimId", k.text as "claimText", x.id::text as "excerptId", s.id::text as "sourceId", s.title as "sourceTitle",
      h.rank,
      (case when (select count(*) from candidates) >= ${CANDIDATES} then ${CANDIDATES}
            else (select count(*) from candidates m ${COMMENT_TARGET_JOINS} where ${COMMENT_TARGET_LIVE}) end)::int as total,
      ts_headline('english', stancemap_search_text(h.text), ${query}, ${HIGHLIGHT_OPTIONS}) as marked
    from hits h
    join "User" u on u.id = h."authorId"
    left join "Claim" k on k.id = h."aboutClaim"
    left join "Excerpt" x on x.id = h."aboutExcerpt"
    left join "Source" s on s.id = x."sourceId"
    order by h.rank desc, h."createdAt" desc`;
}

function commentHit(r: TCommentRow): TCommentHit {
  return {
    id: r.id,
    fragment: clipFragment(r.text, marksOf(r.marked, r.text), FRAGMENT_LENGTH),
    author: r.authorName,
    createdAt: r.createdAt.toISOString(),
    target: { type: r.targetType, id: r.targetId },
    claim: r.claimId && r.claimText !== null ? { id: r.claimId, text: r.claimText } : null,
    excerpt: r.excerptId && r.sourceId && r.sourceTitle !== null ? { id: r.excerptId, source: { id: r.sourceId, title: r.sourceTitle } } : null,
    rank: r.rank,
  };
}
