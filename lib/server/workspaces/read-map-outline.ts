import "server-only";
import { Prisma, type TRowReader } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { mapSourcesAndAuthors, positionsFromMatrix, type TMapOutline } from "../../domain/map-graph";
import { buildMatrix } from "../../domain/matrix";
import type { TDatePrecision, TPositionStance, TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";

/**
 * Which part of a map to read. `claimIds`: only these claims, with their evidence, the excerpts
 * behind it, their positions and the links between them (authors and sources stay complete).
 */
export interface TMapReadScope {
  claimIds?: readonly string[] | null;
}

/** Live evidence of the workspace (of the scope's claims), as a FROM item with a WHERE (aliases of `liveSql.evidence`). */
function liveEvidenceOf(workspaceId: string, scope: TMapReadScope): Prisma.Sql {
  const ofScope = scope.claimIds ? Prisma.sql`and e."claimId" = any(${[...scope.claimIds]}::uuid[])` : Prisma.empty;
  return Prisma.sql`from ${liveSql.evidence} where e."workspaceId" = ${workspaceId}::uuid ${ofScope}`;
}

/** The map's evidence order: claims in order, then by source date and title, place in the text. */
const EVIDENCE_ORDER = Prisma.sql`order by c.rank, c."createdAt", s."publishedOn", s.title, x.start, e."createdAt", e.id`;

/** The map's evidence (lib/domain/map-graph.ts `TMapEvidence`), in the map's order. */
export function mapEvidenceSql(workspaceId: string, scope: TMapReadScope = {}): Prisma.Sql {
  return Prisma.sql`
    select e.id, e."excerptId", e."claimId", e.stance::text as stance, e.voice::text as voice, e.note
    ${liveEvidenceOf(workspaceId, scope)}
    ${EVIDENCE_ORDER}`;
}

/**
 * The map's evidence, each link with the passage it cites (`TMapCitation`), in the same order as
 * `mapEvidenceSql`: what the streamed exports read page by page instead of whole lists.
 */
export function mapCitationsSql(workspaceId: string): Prisma.Sql {
  return Prisma.sql`
    select e.id, e."excerptId", e."claimId", e.stance::text as stance, e.voice::text as voice, e.note,
           x."sourceId", x.start, x."end", x.exact
    ${liveEvidenceOf(workspaceId, {})}
    ${EVIDENCE_ORDER}`;
}

/**
 * The map's excerpts (`TMapExcerpt`) by source, then place in the text: every live one, also those
 * that back no claim yet; with a scope of claims, those behind the scope's evidence.
 */
export function mapExcerptsSql(workspaceId: string, scope: TMapReadScope = {}): Prisma.Sql {
  const ofScope = scope.claimIds ? Prisma.sql`and x.id in (select e."excerptId" ${liveEvidenceOf(workspaceId, scope)})` : Prisma.empty;
  return Prisma.sql`
    select x.id, x."sourceId", x.start, x."end", x.exact, x.prefix, x.suffix
    from ${liveSql.excerpts}
    where x."workspaceId" = ${workspaceId}::uuid ${ofScope}
    order by s."publishedOn", s.title, x."sourceId", x.start, x."end"`;
}

type TSourceRow = {
  id: string;
  title: string;
  authorId: string;
  publication: string | null;
  publishedOn: string;
  publishedPrecision: TDatePrecision;
  publishedNote: string | null;
  url: string | null;
  pageStarts: number[];
  name: string;
  shortName: string;
  affiliation: string | null;
};

/**
 * The map's outline (lib/domain/map-graph.ts: everything but excerpts and evidence), the one read
 * behind both the pages' map (getMapGraph, through Prisma) and the streamed exports (in their
 * snapshot, through `pg`): the queries go out together, and each reader runs them its way.
 * Positions cost a pass over all evidence, so they are read only when asked for; otherwise the
 * list is empty.
 */
export async function readMapOutline(reader: TRowReader, workspaceId: string, options: TMapReadScope & { positions: boolean }): Promise<TMapOutline> {
  const ids = options.claimIds ? [...options.claimIds] : null;
  const claimOfScope = (alias: string) => (ids ? Prisma.sql`and ${Prisma.raw(alias)}.id = any(${ids}::uuid[])` : Prisma.empty);
  const [[workspace], sources, claims, claimLinks, grouped, explicit] = await Promise.all([
    reader.rows<TMapOutline["workspace"]>(Prisma.sql`
      select w.slug, w.title, w.description, w.visibility::text as visibility
      from "Workspace" w where w.id = ${workspaceId}::uuid and ${liveSql.workspace("w")}`),
    reader.rows<TSourceRow>(Prisma.sql`
      select s.id, s.title, s."authorId", s.publication, s."publishedOn"::text as "publishedOn", s."publishedPrecision"::text as "publishedPrecision",
             s."publishedNote", s.url, s."pageStarts", a.name, a."shortName", a.affiliation
      from "Source" s join "Author" a on a.id = s."authorId"
      where s."workspaceId" = ${workspaceId}::uuid and ${liveSql.source("s")}
      order by s."publishedOn", s.title`),
    reader.rows<TMapOutline["claims"][number]>(Prisma.sql`
      select c.id, c.text, c.tags, c.rank
      from "Claim" c
      where c."workspaceId" = ${workspaceId}::uuid and ${liveSql.claim("c")} ${claimOfScope("c")}
      order by c.rank, c."createdAt"`),
    reader.rows<TMapOutline["claimLinks"][number]>(Prisma.sql`
      select l.id, l."fromClaimId", l."toClaimId", l.relation::text as relation
      from ${liveSql.claimLinks}
      where l."workspaceId" = ${workspaceId}::uuid ${claimOfScope("f")} ${claimOfScope("t")}
      order by l."createdAt"`),
    options.positions
      ? reader.rows<{ claimId: string; authorId: string; stance: TStance; voice: TVoice; count: number }>(Prisma.sql`
          select e."claimId", s."authorId", e.stance::text as stance, e.voice::text as voice, count(*)::int as count
          ${liveEvidenceOf(workspaceId, options)}
          group by e."claimId", s."authorId", e.stance, e.voice`)
      : [],
    options.positions
      ? reader.rows<{ claimId: string; authorId: string; stance: TPositionStance; note: string | null; version: number }>(Prisma.sql`
          select p."claimId", p."authorId", p.stance::text as stance, p.note, p.version
          from ${liveSql.positions}
          where p."workspaceId" = ${workspaceId}::uuid ${claimOfScope("c")}`)
      : [],
  ]);
  if (!workspace) throw notFound("Workspace");
  const { sources: mapSources, authors, matrixAuthors } = mapSourcesAndAuthors(
    sources.map(({ name, shortName, affiliation, publishedOn, ...s }) => ({ ...s, publishedOn: new Date(publishedOn), author: { name, shortName, affiliation } })),
  );
  const positions = options.positions ? positionsFromMatrix(buildMatrix({ authors: matrixAuthors, claims, evidence: grouped, explicit })) : [];
  return { workspace, authors, sources: mapSources, claims, claimLinks, positions };
}
