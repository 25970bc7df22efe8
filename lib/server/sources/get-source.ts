import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { formatPublished } from "../../domain/dates";
import { pageAt } from "../../domain/pages";
import { DEFAULT_ORPHAN_REASON, type TDatePrecision, type TSelector, type TStance, type TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";
import type { TAnchoring } from "../../anchoring/anchor-quote";
import type { TAuthorRef } from "../claims/get-claim";

type TExcerptEvidence = { id: string; version: number; claimId: string; claimText: string; stance: TStance; voice: TVoice; note: string | null }[];

export interface TSourceExcerpt extends TSelector {
  id: string;
  version: number;
  /** The page its start falls on (a source read from a PDF), else null. */
  page: number | null;
  orphaned: false;
  /** How the quote was placed in the text: an approximate placement is marked as such. */
  anchoring: TAnchoring;
  evidence: TExcerptEvidence;
}

/**
 * An excerpt a revision of the text no longer holds: its quote and evidence, why it could not be
 * placed, and the revision its offsets belonged to — no offsets into the current text.
 */
export interface TOrphanedExcerpt {
  id: string;
  version: number;
  orphaned: true;
  exact: string;
  reason: string;
  orphanedAt: string;
  revisionId: string | null;
  evidence: TExcerptEvidence;
}

export interface TSourceDetail {
  id: string;
  title: string;
  publication: string | null;
  published: string;
  publishedNote: string | null;
  url: string | null;
  version: number;
  author: TAuthorRef;
  text: string;
  /** What the text is written in: Markdown is drawn rendered, offsets stay offsets into it. */
  format: "text" | "markdown";
  /** Where each page starts in the text (a source read from a PDF); null for a text without pages. */
  pages: number[] | null;
  /** Placed excerpts in text order, then the orphaned ones (newest first). */
  excerpts: (TSourceExcerpt | TOrphanedExcerpt)[];
}

/** The excerpts drawn in the text. */
export function placedExcerpts(source: TSourceDetail): TSourceExcerpt[] {
  return source.excerpts.filter((x): x is TSourceExcerpt => !x.orphaned);
}

/** The excerpts waiting to be re-attached or deleted. */
export function orphanedExcerpts(source: TSourceDetail): TOrphanedExcerpt[] {
  return source.excerpts.filter((x): x is TOrphanedExcerpt => x.orphaned);
}

/**
 * A source with its full text and every live excerpt's selectors and evidence, in text order,
 * followed by its orphaned excerpts (`orphaned: true`, without offsets).
 */
export async function getSource(workspaceId: string, sourceId: string): Promise<TSourceDetail> {
  const source = await db().source.findFirst({
    where: { id: sourceId, workspaceId, ...liveWhere.source },
    select: {
      id: true, title: true, publication: true, publishedOn: true, publishedPrecision: true, publishedNote: true, url: true, version: true, text: true, pageStarts: true, format: true,
      author: { select: { id: true, name: true, shortName: true } },
      excerpts: {
        where: liveWhere.excerptKeptOfLiveSource,
        orderBy: [{ orphanedAt: { sort: "desc", nulls: "first" } }, { start: "asc" }, { end: "desc" }],
        select: {
          id: true, start: true, end: true, exact: true, prefix: true, suffix: true, version: true, anchorMethod: true, anchorScore: true, orphanedAt: true, orphanReason: true, revisionId: true,
          evidence: {
            where: liveWhere.evidenceOnLiveClaims,
            orderBy: { claim: { rank: "asc" } },
            select: { id: true, version: true, stance: true, voice: true, note: true, claim: { select: { id: true, text: true } } },
          },
        },
      },
    },
  });
  if (!source) throw notFound("Source");
  const { publishedOn, publishedPrecision, excerpts, pageStarts, ...rest } = source;
  return {
    ...rest,
    published: formatPublished(publishedOn, publishedPrecision as TDatePrecision),
    pages: pageStarts.length > 0 ? pageStarts : null,
    excerpts: excerpts.map(({ evidence: links, orphanedAt, orphanReason, revisionId, anchorMethod, anchorScore, ...selector }) => {
      const evidence = links.map(({ claim, ...e }) => ({ ...e, claimId: claim.id, claimText: claim.text }));
      return orphanedAt
        ? { id: selector.id, version: selector.version, orphaned: true as const, exact: selector.exact, reason: orphanReason ?? DEFAULT_ORPHAN_REASON, orphanedAt: orphanedAt.toISOString(), revisionId, evidence }
        : { ...selector, page: pageAt(pageStarts, selector.start), orphaned: false as const, anchoring: { method: anchorMethod, score: anchorScore }, evidence };
    }),
  };
}
