import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { formatPublished } from "../../domain/dates";
import type { TDatePrecision, TSelector, TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";
import type { TAnchoring } from "../../anchoring/anchor-quote";
import type { TAuthorRef } from "../claims/get-claim";

export interface TSourceExcerpt extends TSelector {
  id: string;
  version: number;
  /** How the quote was placed in the text: an approximate placement is marked as such. */
  anchoring: TAnchoring;
  evidence: { id: string; version: number; claimId: string; claimText: string; stance: TStance; voice: TVoice; note: string | null }[];
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
  excerpts: TSourceExcerpt[];
}

/** A source with its full text and every live excerpt's selectors and evidence, in text order. */
export async function getSource(workspaceId: string, sourceId: string): Promise<TSourceDetail> {
  const source = await db().source.findFirst({
    where: { id: sourceId, workspaceId, ...liveWhere.source },
    select: {
      id: true, title: true, publication: true, publishedOn: true, publishedPrecision: true, publishedNote: true, url: true, version: true, text: true, format: true,
      author: { select: { id: true, name: true, shortName: true } },
      excerpts: {
        where: liveWhere.excerptOfLiveSource,
        orderBy: [{ start: "asc" }, { end: "desc" }],
        select: {
          id: true, start: true, end: true, exact: true, prefix: true, suffix: true, version: true, anchorMethod: true, anchorScore: true,
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
  const { publishedOn, publishedPrecision, excerpts, ...rest } = source;
  return {
    ...rest,
    published: formatPublished(publishedOn, publishedPrecision as TDatePrecision),
    excerpts: excerpts.map(({ evidence, anchorMethod, anchorScore, ...selector }) => ({
      ...selector,
      anchoring: { method: anchorMethod, score: anchorScore },
      evidence: evidence.map(({ claim, ...e }) => ({ ...e, claimId: claim.id, claimText: claim.text })),
    })),
  };
}
