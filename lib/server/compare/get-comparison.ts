import "server-only";
import { db } from "../../db/client";
import { liveWhere } from "../../db/live-rows";
import { agreementMatrix, compareAuthors, type TAgreement, type TComparisonGroup, type TComparisonSummary } from "../../domain/agreement";
import { formatPublished } from "../../domain/dates";
import type { TMatrixAuthor } from "../../domain/matrix";
import type { TResolvedPosition } from "../../domain/position";
import type { TDatePrecision, TPositionStance, TRole, TStance, TVoice } from "../../domain/types";
import { AppError } from "../../errors/app-error";
import { getMatrix } from "../workspaces/get-matrix";
import { readRoom, type TRoom } from "./read-room";

export interface TCompareQuote {
  evidenceId: string;
  excerptId: string;
  sourceId: string;
  sourceTitle: string;
  published: string;
  exact: string;
  stance: TStance;
  voice: TVoice;
  note: string | null;
}

export interface TComparedClaim {
  id: string;
  text: string;
  tags: string[];
  group: TComparisonGroup;
  /** The chosen authors' positions, exactly as the matrix shows them. */
  positions: Record<string, TResolvedPosition>;
  /** The chosen authors' quotes on the claim: their own words first, then views they report. */
  quotes: Record<string, TCompareQuote[]>;
}

export interface TComparison {
  /** Every author of the workspace, in the matrix's order. */
  authors: TMatrixAuthor[];
  /** The authors compared, in the same order. */
  chosen: string[];
  /** Ids asked for that name no author here (only when asked to ignore them rather than fail). */
  ignored: string[];
  /** Null until at least two authors are chosen. */
  summary: TComparisonSummary | null;
  /** Every claim in matrix order with its group; empty until at least two authors are chosen. */
  claims: TComparedClaim[];
  /** Author × author agreement over every claim (symmetric; the diagonal is each author with themself). */
  agreement: Record<string, Record<string, TAgreement>>;
  /** The room (the majority of the participants' votes) against every author, as the viewer may see it (`readRoom`). */
  room: TRoom;
}

/**
 * Two or more authors side by side, and the agreement heatmap of all authors — both from the
 * positions of the matrix (`getMatrix`), so the three views always tell the same story.
 * An unknown author id is a 404 unless `ignoreUnknown` (pages show a note instead). The room is
 * read for `viewer` (anonymous when not given).
 */
export async function getComparison(
  workspaceId: string,
  authorIds: readonly string[],
  options: { ignoreUnknown?: boolean; viewer?: { userId: string | null; role: TRole | null } } = {},
): Promise<TComparison> {
  const matrix = await getMatrix(workspaceId);
  const known = new Set(matrix.authors.map((a) => a.id));
  const asked = new Set(authorIds);
  const ignored = [...asked].filter((id) => !known.has(id));
  if (ignored.length > 0 && !options.ignoreUnknown) {
    throw new AppError("NOT_FOUND", `No author with id ${ignored.join(", ")} has sources in this workspace.`);
  }
  const chosen = matrix.authors.filter((a) => asked.has(a.id)).map((a) => a.id);

  const byAuthor = new Map(matrix.authors.map((a) => [a.id, Object.fromEntries(matrix.claims.map((c) => [c.id, c.positions[a.id].stance])) as Record<string, TPositionStance>]));
  const agreement = Object.fromEntries([...agreementMatrix(byAuthor)].map(([a, row]) => [a, Object.fromEntries(row)]));
  const room = await readRoom(workspaceId, byAuthor, options.viewer ?? { userId: null, role: null });

  if (chosen.length < 2) return { authors: matrix.authors, chosen, ignored, summary: null, claims: [], agreement, room };

  const { groups, summary } = compareAuthors(matrix.claims, chosen);
  const groupOfClaim = new Map(Object.entries(groups).flatMap(([group, claims]) => claims.map((c) => [c.id, group as TComparisonGroup])));
  const quotes = await quotesOf(workspaceId, chosen);
  return {
    authors: matrix.authors,
    chosen,
    ignored,
    summary,
    claims: matrix.claims.map((claim) => ({
      id: claim.id,
      text: claim.text,
      tags: claim.tags,
      group: groupOfClaim.get(claim.id)!,
      positions: Object.fromEntries(chosen.map((id) => [id, claim.positions[id]])),
      quotes: Object.fromEntries(chosen.map((id) => [id, quotes.get(`${claim.id}:${id}`) ?? []])),
    })),
    agreement,
    room,
  };
}

/** Every live quote of the given authors, keyed by "claimId:authorId", AUTHOR voice first, then by date and place. */
async function quotesOf(workspaceId: string, authorIds: string[]): Promise<Map<string, TCompareQuote[]>> {
  const rows = await db().evidence.findMany({
    where: { workspaceId, ...liveWhere.evidence, excerpt: { ...liveWhere.excerpt, source: { ...liveWhere.source, authorId: { in: authorIds } } } },
    orderBy: [{ voice: "asc" }, { excerpt: { source: { publishedOn: "asc" } } }, { excerpt: { start: "asc" } }],
    select: {
      id: true,
      claimId: true,
      stance: true,
      voice: true,
      note: true,
      excerpt: { select: { id: true, exact: true, source: { select: { id: true, title: true, authorId: true, publishedOn: true, publishedPrecision: true } } } },
    },
  });
  const result = new Map<string, TCompareQuote[]>();
  for (const row of rows) {
    const { source } = row.excerpt;
    const key = `${row.claimId}:${source.authorId}`;
    const quote: TCompareQuote = {
      evidenceId: row.id,
      excerptId: row.excerpt.id,
      sourceId: source.id,
      sourceTitle: source.title,
      published: formatPublished(source.publishedOn, source.publishedPrecision as TDatePrecision),
      exact: row.excerpt.exact,
      stance: row.stance,
      voice: row.voice,
      note: row.note,
    };
    const list = result.get(key);
    if (list) list.push(quote);
    else result.set(key, [quote]);
  }
  return result;
}
