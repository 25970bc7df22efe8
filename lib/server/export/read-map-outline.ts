import "server-only";
import type { TSnapshot } from "../../db/snapshot";
import { mapSourcesAndAuthors, positionsFromMatrix, type TMapOutline } from "../../domain/map-graph";
import { buildMatrix } from "../../domain/matrix";
import type { TDatePrecision, TPositionStance, TStance, TVoice } from "../../domain/types";
import { notFound } from "../../errors/app-error";

/** Live evidence whose claim, excerpt and source are live: the rows every view counts. */
export const LIVE_EVIDENCE = `
  from "Evidence" e
  join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
  join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null
  join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
  where e."workspaceId" = $1::uuid and e."deletedAt" is null`;

/**
 * Every live evidence link with the passage it cites, in the map's evidence order (as
 * getMapGraph orders it): claims in order, then by source date and title, place in the text.
 */
export const CITATIONS_SQL = `
  select e.id, e."excerptId", e."claimId", e.stance::text as stance, e.voice::text as voice, e.note,
         x."sourceId", x.start, x."end", x.exact
  ${LIVE_EVIDENCE}
  order by c.rank, c."createdAt", s."publishedOn", s.title, x.start, e."createdAt", e.id`;

/**
 * The map's outline (lib/domain/map-graph.ts: everything but excerpts and evidence) read in the
 * caller's snapshot, as getMapGraph reads those parts. Positions cost a pass over all evidence,
 * so they are read only when asked for; otherwise the list is empty.
 */
export async function readMapOutline(snapshot: TSnapshot, workspaceId: string, options: { positions: boolean }): Promise<TMapOutline> {
  const [workspace] = await snapshot.rows<TMapOutline["workspace"]>(
    `select slug, title, description, visibility::text as visibility from "Workspace" where id = $1::uuid and "deletedAt" is null`,
    [workspaceId],
  );
  if (!workspace) throw notFound("Workspace");
  const sources = await snapshot.rows<{
    id: string;
    title: string;
    authorId: string;
    publication: string | null;
    publishedOn: string;
    publishedPrecision: TDatePrecision;
    publishedNote: string | null;
    url: string | null;
    name: string;
    shortName: string;
    affiliation: string | null;
  }>(
    `select s.id, s.title, s."authorId", s.publication, s."publishedOn"::text as "publishedOn", s."publishedPrecision"::text as "publishedPrecision",
            s."publishedNote", s.url, a.name, a."shortName", a.affiliation
     from "Source" s join "Author" a on a.id = s."authorId"
     where s."workspaceId" = $1::uuid and s."deletedAt" is null
     order by s."publishedOn", s.title`,
    [workspaceId],
  );
  const claims = await snapshot.rows<TMapOutline["claims"][number]>(
    `select id, text, tags, rank from "Claim" where "workspaceId" = $1::uuid and "deletedAt" is null order by rank, "createdAt"`,
    [workspaceId],
  );
  const claimLinks = await snapshot.rows<TMapOutline["claimLinks"][number]>(
    `select l.id, l."fromClaimId", l."toClaimId", l.relation::text as relation
     from "ClaimLink" l
     where l."workspaceId" = $1::uuid and l."deletedAt" is null
       and exists (select 1 from "Claim" f where f.id = l."fromClaimId" and f."deletedAt" is null)
       and exists (select 1 from "Claim" t where t.id = l."toClaimId" and t."deletedAt" is null)
     order by l."createdAt"`,
    [workspaceId],
  );
  const { sources: mapSources, authors, matrixAuthors } = mapSourcesAndAuthors(
    sources.map(({ name, shortName, affiliation, publishedOn, ...s }) => ({ ...s, publishedOn: new Date(publishedOn), author: { name, shortName, affiliation } })),
  );
  const outline: TMapOutline = { workspace, authors, sources: mapSources, claims, claimLinks, positions: [] };
  if (!options.positions) return outline;

  const grouped = await snapshot.rows<{ claimId: string; authorId: string; stance: TStance; voice: TVoice; count: number }>(
    `select e."claimId", s."authorId", e.stance::text as stance, e.voice::text as voice, count(*)::int as count
     ${LIVE_EVIDENCE}
     group by e."claimId", s."authorId", e.stance, e.voice`,
    [workspaceId],
  );
  const explicit = await snapshot.rows<{ claimId: string; authorId: string; stance: TPositionStance; note: string | null; version: number }>(
    `select p."claimId", p."authorId", p.stance::text as stance, p.note, p.version
     from "Position" p join "Claim" c on c.id = p."claimId" and c."deletedAt" is null
     where p."workspaceId" = $1::uuid and p."deletedAt" is null`,
    [workspaceId],
  );
  const matrix = buildMatrix({ authors: matrixAuthors, claims, evidence: grouped, explicit });
  return { ...outline, positions: positionsFromMatrix(matrix) };
}
