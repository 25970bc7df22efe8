import "server-only";
import { db, Prisma } from "../../db/client";
import { formatPublished } from "../../domain/dates";
import type { TDatePrecision } from "../../domain/types";
import { NATIVE_SCHEMA_ID, NATIVE_SCHEMA_VERSION, type TNativeDocument } from "../../schemas/native-document";

/**
 * Reads a workspace as a native document, in one REPEATABLE READ snapshot so that a change made
 * while it is read cannot leave an excerpt pointing at a source the document lacks. Only live
 * rows: an excerpt of a deleted source, evidence of a deleted claim, a link to a deleted claim
 * are left out, as every view leaves them out.
 *
 * Rows are ordered by what they are, never by id, so exporting an imported copy gives the same
 * document again (apart from ids).
 */
export async function readNativeDocument(workspaceId: string): Promise<TNativeDocument> {
  return db().$transaction(
    async (tx) => {
      const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { slug: true, title: true, description: true, visibility: true } });
      const w = Prisma.sql`${workspaceId}::uuid`;
      const [authors, sources, claims, claimLinks, excerpts, evidence, positions] = await Promise.all([
        tx.$queryRaw<TNativeDocument["authors"]>`
          select id::text, name, "shortName", affiliation from "Author" where "workspaceId" = ${w} order by name, id`,
        tx.$queryRaw<(Omit<TNativeDocument["sources"][number], "published"> & { publishedOn: Date; precision: TDatePrecision })[]>`
          select s.id::text, s."authorId"::text, s.title, s.publication, s."publishedOn", s."publishedPrecision"::text as precision,
                 s."publishedNote", s.url, s.text
          from "Source" s where s."workspaceId" = ${w} and s."deletedAt" is null
          order by s."publishedOn", s.title, s.id`,
        tx.$queryRaw<TNativeDocument["claims"]>`
          select id::text, text, tags from "Claim" where "workspaceId" = ${w} and "deletedAt" is null order by rank, id`,
        tx.$queryRaw<TNativeDocument["claimLinks"]>`
          select l.id::text, l."fromClaimId"::text, l."toClaimId"::text, l.relation::text
          from "ClaimLink" l
          join "Claim" f on f.id = l."fromClaimId" and f."deletedAt" is null
          join "Claim" t on t.id = l."toClaimId" and t."deletedAt" is null
          where l."workspaceId" = ${w} and l."deletedAt" is null
          order by f.rank, t.rank, l.relation`,
        tx.$queryRaw<TNativeDocument["excerpts"]>`
          select x.id::text, x."sourceId"::text, x.start, x."end", x.exact, x.prefix, x.suffix
          from "Excerpt" x join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
          where x."workspaceId" = ${w} and x."deletedAt" is null
          order by s."publishedOn", s.title, s.id, x.start, x."end", x.id`,
        tx.$queryRaw<TNativeDocument["evidence"]>`
          select e.id::text, e."excerptId"::text, e."claimId"::text, e.stance::text, e.voice::text, e.note
          from "Evidence" e
          join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
          join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null
          join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
          where e."workspaceId" = ${w} and e."deletedAt" is null
          order by c.rank, s."publishedOn", s.title, s.id, x.start, x."end", e.stance, e.voice, e.id`,
        tx.$queryRaw<TNativeDocument["positions"]>`
          select p."claimId"::text, p."authorId"::text, p.stance::text, p.note
          from "Position" p
          join "Claim" c on c.id = p."claimId" and c."deletedAt" is null
          join "Author" a on a.id = p."authorId"
          where p."workspaceId" = ${w} and p."deletedAt" is null
          order by c.rank, a.name`,
      ]);
      return {
        $schema: NATIVE_SCHEMA_ID,
        schemaVersion: NATIVE_SCHEMA_VERSION,
        generator: "Stancemap",
        exportedAt: new Date().toISOString(),
        workspace,
        authors,
        sources: sources.map(({ publishedOn, precision, ...s }) => ({
          id: s.id,
          authorId: s.authorId,
          title: s.title,
          publication: s.publication,
          published: formatPublished(publishedOn, precision),
          publishedNote: s.publishedNote,
          url: s.url,
          text: s.text,
        })),
        claims,
        claimLinks,
        excerpts,
        evidence,
        positions,
      };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000, maxWait: 10_000 },
  );
}
