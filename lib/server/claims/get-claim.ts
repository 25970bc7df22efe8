import "server-only";
import { db } from "../../db/client";
import { formatPublished } from "../../domain/dates";
import { orderAuthors } from "../../domain/matrix";
import { resolvePosition, type TResolvedPosition } from "../../domain/position";
import type { TDatePrecision, TLinkRelation, TPositionStance, TSelector, TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";
import { countLive, mayComment, type TCommentAccess, type TCommentList } from "../../domain/comments";
import { countCommentsByEvidence } from "../comments/count-comments";
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
  excerpt: TSelector & { id: string };
  source: { id: string; title: string; published: string };
  author: TAuthorRef;
}

export interface TClaimLinkView {
  id: string;
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

/**
 * A claim with its evidence (excerpt, source, author), its links, every author's position and its
 * comment threads (with what `access` may do in them) and per-evidence comment counts.
 */
export async function getClaim(workspaceId: string, claimId: string, access: TCommentAccess = ANONYMOUS): Promise<TClaimDetail> {
  const prisma = db();
  const claim = await prisma.claim.findFirst({
    where: { id: claimId, workspaceId, deletedAt: null },
    select: {
      id: true,
      text: true,
      tags: true,
      rank: true,
      version: true,
      evidence: {
        where: { deletedAt: null, excerpt: { deletedAt: null, source: { deletedAt: null } } },
        orderBy: [{ excerpt: { source: { publishedOn: "asc" } } }, { excerpt: { start: "asc" } }],
        select: {
          id: true,
          version: true,
          stance: true,
          voice: true,
          note: true,
          excerpt: {
            select: {
              id: true, start: true, end: true, exact: true, prefix: true, suffix: true,
              source: { select: { id: true, title: true, publishedOn: true, publishedPrecision: true, author: { select: { id: true, name: true, shortName: true } } } },
            },
          },
        },
      },
      linksFrom: { where: { deletedAt: null, toClaim: { deletedAt: null } }, select: { id: true, relation: true, toClaim: { select: { id: true, text: true } } } },
      linksTo: { where: { deletedAt: null, fromClaim: { deletedAt: null } }, select: { id: true, relation: true, fromClaim: { select: { id: true, text: true } } } },
      positions: { where: { deletedAt: null }, select: { authorId: true, stance: true, note: true, version: true } },
    },
  });
  if (!claim) throw notFound("Claim");

  const [authors, threads, byEvidence] = await Promise.all([
    prisma.author.findMany({
      where: { workspaceId, sources: { some: { deletedAt: null } } },
      select: { id: true, name: true, shortName: true, sources: { where: { deletedAt: null }, select: { publishedOn: true, publishedPrecision: true } } },
    }),
    readThreads(workspaceId, { type: "claim", id: claim.id }, access),
    countCommentsByEvidence(workspaceId, claim.evidence.map((e) => e.id)),
  ]);

  const evidence: TClaimEvidence[] = claim.evidence.map((e) => {
    const { source, ...selector } = e.excerpt;
    return {
      id: e.id,
      version: e.version,
      stance: e.stance,
      voice: e.voice,
      note: e.note,
      excerpt: selector,
      source: { id: source.id, title: source.title, published: formatPublished(source.publishedOn, source.publishedPrecision as TDatePrecision) },
      author: source.author,
    };
  });
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
      ...claim.linksFrom.map((l) => ({ id: l.id, relation: l.relation, direction: "out" as const, claim: l.toClaim })),
      ...claim.linksTo.map((l) => ({ id: l.id, relation: l.relation, direction: "in" as const, claim: l.fromClaim })),
    ],
    positions,
    comments: { target: { type: "claim", id: claim.id }, threads, count: countLive(threads), canComment: mayComment(access), byEvidence },
  };
}
