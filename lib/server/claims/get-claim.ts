import "server-only";
import type { TAnchoring } from "../../anchoring/anchor-quote";
import type { TSourceAuthorColumns } from "../sources/source-columns";
import { db } from "../../db/client";
import { liveSql, liveWhere } from "../../db/live-rows";
import { formatPublished } from "../../domain/dates";
import { pageAt } from "../../domain/pages";
import { orderAuthors } from "../../domain/matrix";
import { resolvePosition, type TResolvedPosition } from "../../domain/position";
import type { TDatePrecision, TLinkRelation, TPositionStance, TSelector, TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";
import { countLive, mayComment, type TCommentAccess, type TCommentList } from "../../domain/comments";
import { readThreads } from "../comments/read-threads";

export interface TAuthorRef {
  id: string;
  name: string;
  shortName: string;
}

export interface TClaimEvidence {
  id: string;
  version: number;
  stance: TStance;
  voice: TVoice;
  note: string | null;
  /** `page`: where the excerpt starts, for a source read from a PDF; else null. */
  excerpt: TSelector & { id: string; page: number | null; anchoring: TAnchoring };
  source: { id: string; title: string; published: string };
  author: TAuthorRef;
}

export interface TClaimLinkView {
  id: string;
  version: number;
  relation: TLinkRelation;
  /** "out": this claim supports/opposes the other; "in": the other supports/opposes this one. */
  direction: "out" | "in";
  claim: { id: string; text: string };
}

export interface TClaimDetail {
  id: string;
  text: string;
  tags: string[];
  rank: number;
  version: number;
  evidence: TClaimEvidence[];
  links: TClaimLinkView[];
  positions: (TResolvedPosition & { author: TAuthorRef & { published: string | null } })[];
  /** The threads on the claim itself, and how many live comments each evidence link has (links without any left out). */
  comments: TCommentList & { byEvidence: Record<string, number> };
}

const ANONYMOUS: TCommentAccess = { userId: null, role: null };

interface TEvidenceRow extends TSourceAuthorColumns {
  id: string;
  version: number;
  stance: TStance;
  voice: TVoice;
  note: string | null;
  excerptId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorMethod: TAnchoring["method"];
  anchorScore: number;
  sourceId: string;
  pageStarts: number[];
  comments: number;
}

/**
 * A claim with its evidence (excerpt, source, author), its links, every author's position and its
 * comment threads (with what `access` may do in them) and per-evidence comment counts.
 */
export async function getClaim(workspaceId: string, claimId: string, access: TCommentAccess = ANONYMOUS): Promise<TClaimDetail> {
  const prisma = db();
  // Everything is asked at once: what does not depend on the claim's row is keyed by its id (and
  // the workspace, so nothing of another map is read), and an unknown claim is a 404 all the same.
  // The evidence is one flat, ordered join, each link with its count of live comments (an
  // index-only probe per link): a room of followers opening the same claim reads it once per
  // person, so it must be cheap to read and to shape.
  const [claim, rows, authors, threads] = await Promise.all([
    prisma.claim.findFirst({
      where: { id: claimId, workspaceId, ...liveWhere.claim },
      select: {
        id: true,
        text: true,
        tags: true,
        rank: true,
        version: true,
        linksFrom: { where: liveWhere.claimLink, select: { id: true, version: true, relation: true, toClaim: { select: { id: true, text: true } } } },
        linksTo: { where: liveWhere.claimLink, select: { id: true, version: true, relation: true, fromClaim: { select: { id: true, text: true } } } },
        positions: { where: liveWhere.position, select: { authorId: true, stance: true, note: true, version: true } },
      },
    }),
    prisma.$queryRaw<TEvidenceRow[]>`
      select e.id::text, e.version, e.stance::text as stance, e.voice::text as voice, e.note,
        x.id::text as "excerptId", x.start, x."end", x.exact, x.prefix, x.suffix, x."anchorMethod"::text as "anchorMethod", x."anchorScore",
        s.id::text as "sourceId", s."pageStarts", s.title, s."publishedOn", s."publishedPrecision"::text as precision,
        a.id::text as "authorId", a.name as "authorName", a."shortName",
        (select count(*) from "Comment" m where m."workspaceId" = e."workspaceId" and m."evidenceId" = e.id and ${liveSql.comment("m")})::int as comments
      from ${liveSql.evidence}
      join "Author" a on a.id = s."authorId"
      where e."claimId" = ${claimId}::uuid and e."workspaceId" = ${workspaceId}::uuid
      order by s."publishedOn", x.start, e.id`,
    prisma.author.findMany({
      where: { workspaceId, sources: { some: liveWhere.source } },
      select: { id: true, name: true, shortName: true, sources: { where: liveWhere.source, select: { publishedOn: true, publishedPrecision: true } } },
    }),
    readThreads(workspaceId, { type: "claim", id: claimId }, access),
  ]);
  if (!claim) throw notFound("Claim");

  const evidence: TClaimEvidence[] = rows.map((r) => ({
    id: r.id,
    version: r.version,
    stance: r.stance,
    voice: r.voice,
    note: r.note,
    excerpt: { id: r.excerptId, start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix, page: pageAt(r.pageStarts, r.start), anchoring: { method: r.anchorMethod, score: r.anchorScore } },
    source: { id: r.sourceId, title: r.title, published: formatPublished(r.publishedOn, r.precision as TDatePrecision) },
    author: { id: r.authorId, name: r.authorName, shortName: r.shortName },
  }));
  const explicit = new Map(claim.positions.map((p) => [p.authorId, { stance: p.stance as TPositionStance, note: p.note, version: p.version }]));
  const positions = orderAuthors(
    authors.map((a) => ({ ...a, published: a.sources.map((s) => formatPublished(s.publishedOn, s.publishedPrecision as TDatePrecision)) })),
  ).map((author) => ({
    ...resolvePosition(evidence.filter((e) => e.author.id === author.id), explicit.get(author.id)),
    author,
  }));

  return {
    id: claim.id,
    text: claim.text,
    tags: claim.tags,
    rank: claim.rank,
    version: claim.version,
    evidence,
    links: [
      ...claim.linksFrom.map((l) => ({ id: l.id, version: l.version, relation: l.relation, direction: "out" as const, claim: l.toClaim })),
      ...claim.linksTo.map((l) => ({ id: l.id, version: l.version, relation: l.relation, direction: "in" as const, claim: l.fromClaim })),
    ],
    positions,
    comments: {
      target: { type: "claim", id: claim.id },
      threads,
      count: countLive(threads),
      canComment: mayComment(access),
      byEvidence: Object.fromEntries(rows.filter((r) => r.comments > 0).map((r) => [r.id, r.comments])),
    },
  };
}
