import "server-only";
import { db, Prisma } from "../../db/client";
import { formatPublished } from "../../domain/dates";
import type { TDatePrecision } from "../../domain/types";
import type { TCommentTargetType } from "../../domain/comments";
import { NATIVE_SCHEMA_ID, NATIVE_SCHEMA_VERSION, type TNativeDocument } from "../../schemas/native-document";
import type { TTx } from "../mutation";

type TCommentExportRow = {
  id: string;
  parentId: string | null;
  targetType: TCommentTargetType;
  targetId: string;
  author: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

/** The comments of the document: on live targets only (those the document holds), oldest first. */
async function readComments(tx: TTx, w: Prisma.Sql): Promise<NonNullable<TNativeDocument["comments"]>> {
  const rows = await tx.$queryRaw<TCommentExportRow[]>`
    select c.id::text, c."parentId"::text,
      case when c."claimId" is not null then 'claim' when c."excerptId" is not null then 'excerpt' else 'evidence' end as "targetType",
      coalesce(c."claimId", c."excerptId", c."evidenceId")::text as "targetId",
      coalesce(c."importedAuthorName", u.name) as author, c.body, c."createdAt", c."editedAt", c."deletedAt" is not null as deleted,
      c."resolvedAt", coalesce(c."importedResolverName", r.name) as "resolvedBy"
    from "Comment" c
    join "User" u on u.id = c."authorId"
    left join "User" r on r.id = c."resolvedById"
    left join "Claim" k on k.id = c."claimId"
    left join "Excerpt" x on x.id = c."excerptId"
    left join "Source" xs on xs.id = x."sourceId"
    left join "Evidence" e on e.id = c."evidenceId"
    left join "Claim" ek on ek.id = e."claimId"
    left join "Excerpt" ex on ex.id = e."excerptId"
    left join "Source" es on es.id = ex."sourceId"
    where c."workspaceId" = ${w}
      and (c."claimId" is null or k."deletedAt" is null)
      and (c."excerptId" is null or (x."deletedAt" is null and xs."deletedAt" is null))
      and (c."evidenceId" is null or (e."deletedAt" is null and ek."deletedAt" is null and ex."deletedAt" is null and es."deletedAt" is null))
      and (c."deletedAt" is null or (c."parentId" is null and exists (select 1 from "Comment" reply where reply."parentId" = c.id and reply."deletedAt" is null)))
    order by c."createdAt", c.body, c.id`;
  return rows.map((c) => ({
    id: c.id,
    target: { type: c.targetType, id: c.targetId },
    parentId: c.parentId,
    author: c.deleted ? null : c.author,
    body: c.deleted ? null : c.body,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.deleted ? null : (c.editedAt?.toISOString() ?? null),
    resolved: c.resolvedAt ? { at: c.resolvedAt.toISOString(), by: c.resolvedBy } : null,
  }));
}

/**
 * Reads a workspace as a native document, in one REPEATABLE READ snapshot so that a change made
 * while it is read cannot leave an excerpt pointing at a source the document lacks. Only live
 * rows: an excerpt of a deleted source, evidence of a deleted claim, a link to a deleted claim
 * are left out, as every view leaves them out.
 *
 * Rows are ordered by what they are, never by id, so exporting an imported copy gives the same
 * document again (apart from ids). With `comments`, the discussion comes too: every live comment
 * on a target the document holds, and a deleted thread start that still has replies, without its
 * text or author (as its thread shows it).
 */
export async function readNativeDocument(workspaceId: string, options: { comments?: boolean } = {}): Promise<TNativeDocument> {
  return db().$transaction(
    async (tx) => {
      const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { slug: true, title: true, description: true, visibility: true } });
      const w = Prisma.sql`${workspaceId}::uuid`;
      const [authors, sources, claims, claimLinks, excerpts, evidence, positions, comments] = await Promise.all([
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
        options.comments ? readComments(tx, w) : Promise.resolve(null),
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
        ...(comments ? { comments } : {}),
      };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000, maxWait: 10_000 },
  );
}
