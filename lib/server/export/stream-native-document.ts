import "server-only";
import { Prisma } from "../../db/client";
import { liveSql } from "../../db/live-rows";
import { readSnapshot, type TSnapshot } from "../../db/snapshot";
import { formatPublished } from "../../domain/dates";
import { DEFAULT_ORPHAN_REASON, type TAnchorMethod, type TDatePrecision, type TSourceFormat } from "../../domain/types";
import { streamJsonWithLists, type TJsonListPages } from "../../export/json/serialise-native-document";
import { NATIVE_SCHEMA_ID, NATIVE_SCHEMA_VERSION, type TNativeDocument } from "../../schemas/native-document";
import { notFound } from "../../errors/app-error";

type TSourceRow = Omit<TNativeDocument["sources"][number], "published" | "pages" | "format"> & { publishedOn: string; precision: TDatePrecision; pageStarts: number[]; format: TSourceFormat };
type TExcerptRow = Omit<TNativeDocument["excerpts"][number], "anchoring" | "orphaned"> & { anchorMethod: TAnchorMethod; anchorScore: number; orphanReason: string | null };

/** Source rows per page: their texts are the bulk (≈25 KB each in the large benchmark map). */
const SOURCES_PER_PAGE = 40;

/** Size of the pieces the document is handed on in. */
const JSON_CHUNK = 256 * 1024;

/**
 * A workspace as a native document, streamed: read in one REPEATABLE READ snapshot (so a change
 * made meanwhile cannot leave an excerpt pointing at a source the document lacks), the long lists
 * page by page through cursors and written out as they arrive. Only live rows: an excerpt of a
 * deleted source, evidence of a deleted claim, a link to a deleted claim are left out, as every
 * view leaves them out. Orphans are the exception: an excerpt that a revision of its source's text
 * no longer holds is kept in the map, waiting to be re-attached, so the document carries it
 * (`orphaned`) with its evidence and comments, though no view and no other export shows it.
 *
 * Rows are ordered by what they are, never by id, so exporting an imported copy gives the same
 * document again (apart from ids).
 */
export function streamNativeDocument(workspaceId: string, options: { comments?: boolean } = {}): AsyncGenerator<string> {
  return readSnapshot((snapshot) => nativeDocument(snapshot, workspaceId, options));
}

/**
 * The queries of the document's lists, each ordered by what the rows are. Only live rows
 * (lib/db/live-rows.ts), and so only rows whose references are live too — and orphaned excerpts
 * with their evidence (`keptExcerpts`, `keptEvidence`), each source's after its placed ones.
 */
export function nativeListsSql(workspaceId: string) {
  const w = Prisma.sql`${workspaceId}::uuid`;
  return {
    authors: Prisma.sql`select a.id::text, a.name, a."shortName", a.affiliation from "Author" a where a."workspaceId" = ${w} order by a.name, a.id`,
    sources: Prisma.sql`
      select s.id::text, s."authorId"::text, s.title, s.publication, s."publishedOn"::text as "publishedOn", s."publishedPrecision"::text as precision,
             s."publishedNote", s.url, s.text, s."pageStarts", s.format::text as format
      from "Source" s where s."workspaceId" = ${w} and ${liveSql.source("s")}
      order by s."publishedOn", s.title, s.id`,
    claims: Prisma.sql`select c.id::text, c.text, c.tags from "Claim" c where c."workspaceId" = ${w} and ${liveSql.claim("c")} order by c.rank, c.id`,
    claimLinks: Prisma.sql`
      select l.id::text, l."fromClaimId"::text, l."toClaimId"::text, l.relation::text
      from ${liveSql.claimLinks}
      where l."workspaceId" = ${w}
      order by f.rank, t.rank, l.relation`,
    excerpts: Prisma.sql`
      select x.id::text, x."sourceId"::text, x.start, x."end", x.exact, x.prefix, x.suffix, x."anchorMethod"::text as "anchorMethod", x."anchorScore",
             case when x."orphanedAt" is not null then coalesce(nullif(x."orphanReason", ''), ${DEFAULT_ORPHAN_REASON}) end as "orphanReason"
      from ${liveSql.keptExcerpts}
      where x."workspaceId" = ${w}
      order by s."publishedOn", s.title, s.id, x."orphanedAt" is not null, x.start, x."end", x.id`,
    evidence: Prisma.sql`
      select e.id::text, e."excerptId"::text, e."claimId"::text, e.stance::text, e.voice::text, e.note
      from ${liveSql.keptEvidence}
      where e."workspaceId" = ${w}
      order by c.rank, s."publishedOn", s.title, s.id, x."orphanedAt" is not null, x.start, x."end", e.stance, e.voice, e.id`,
    positions: Prisma.sql`
      select p."claimId"::text, p."authorId"::text, p.stance::text, p.note
      from ${liveSql.positions}
      join "Author" a on a.id = p."authorId"
      where p."workspaceId" = ${w}
      order by c.rank, a.name`,
  };
}

/**
 * With `?comments=1`: every live comment on a target the document holds (a live claim, a live or
 * orphaned excerpt, or an evidence link of one), and a deleted thread start that still has live replies (without its text or
 * author, as its thread shows it); oldest first. Imported comments keep their original authors'
 * and resolvers' names.
 */
export function nativeCommentsSql(workspaceId: string): Prisma.Sql {
  return Prisma.sql`
    select m.id::text, m."parentId"::text as "parentId",
      case when m."claimId" is not null then 'claim' when m."excerptId" is not null then 'excerpt' else 'evidence' end as "targetType",
      coalesce(m."claimId", m."excerptId", m."evidenceId")::text as "targetId",
      coalesce(m."importedAuthorName", u.name) as author, m.body, m."createdAt", m."editedAt", not ${liveSql.comment("m")} as deleted,
      m."resolvedAt", coalesce(m."importedResolverName", r.name) as "resolvedBy"
    from "Comment" m
    join "User" u on u.id = m."authorId"
    left join "User" r on r.id = m."resolvedById"
    left join (select c.id from "Claim" c where ${liveSql.claim("c")}) k on k.id = m."claimId"
    left join (select x.id from ${liveSql.keptExcerpts}) lx on lx.id = m."excerptId"
    left join (select e.id from ${liveSql.keptEvidence}) le on le.id = m."evidenceId"
    where m."workspaceId" = ${workspaceId}::uuid
      and (m."claimId" is null or k.id is not null)
      and (m."excerptId" is null or lx.id is not null)
      and (m."evidenceId" is null or le.id is not null)
      and (${liveSql.comment("m")} or (m."parentId" is null and exists (select 1 from "Comment" reply where reply."parentId" = m.id and ${liveSql.comment("reply")})))
    order by m."createdAt", m.body, m.id`;
}

type TCommentRow = {
  id: string;
  parentId: string | null;
  targetType: "claim" | "excerpt" | "evidence";
  targetId: string;
  author: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  resolvedAt: Date | null;
  resolvedBy: string | null;
};

async function* nativeDocument(snapshot: TSnapshot, workspaceId: string, options: { comments?: boolean }): AsyncGenerator<string> {
  const [workspace] = await snapshot.rows<TNativeDocument["workspace"]>(
    Prisma.sql`select slug, title, description, visibility::text as visibility from "Workspace" where id = ${workspaceId}::uuid`,
  );
  if (!workspace) throw notFound("Workspace");
  const sql = nativeListsSql(workspaceId);
  const head = { $schema: NATIVE_SCHEMA_ID, schemaVersion: NATIVE_SCHEMA_VERSION, generator: "Stancemap", exportedAt: new Date().toISOString(), workspace };
  const lists: Record<keyof typeof sql, TJsonListPages> & { comments?: TJsonListPages } = {
    authors: [await snapshot.rows(sql.authors)],
    sources: sources(snapshot.pages<TSourceRow>(sql.sources, SOURCES_PER_PAGE)),
    claims: snapshot.pages(sql.claims),
    claimLinks: snapshot.pages(sql.claimLinks),
    excerpts: excerpts(snapshot.pages<TExcerptRow>(sql.excerpts)),
    evidence: snapshot.pages(sql.evidence),
    positions: snapshot.pages(sql.positions),
    ...(options.comments ? { comments: comments(snapshot.pages<TCommentRow>(nativeCommentsSql(workspaceId))) } : {}),
  };
  yield* streamJsonWithLists(head, lists, JSON_CHUNK);
}

/** The sources with their texts, in the document's shape (the date as precise as it is known). */
async function* sources(pages: AsyncIterable<TSourceRow[]>): AsyncGenerator<TNativeDocument["sources"]> {
  for await (const page of pages) {
    yield page.map((s) => ({
      id: s.id,
      authorId: s.authorId,
      title: s.title,
      publication: s.publication,
      published: formatPublished(new Date(s.publishedOn), s.precision),
      publishedNote: s.publishedNote,
      url: s.url,
      text: s.text,
      // Only a source read from a PDF has pages; others leave the field out, as documents before it did.
      ...(s.pageStarts.length > 0 ? { pages: s.pageStarts } : {}),
      // Plain text is what a document without the field means.
      ...(s.format !== "text" ? { format: s.format } : {}),
    }));
  }
}

/**
 * Excerpts in the document's shape: how one was placed only when not verbatim, and an orphan
 * marked with its reason (its offsets are into the text it was made on).
 */
async function* excerpts(pages: AsyncIterable<TExcerptRow[]>): AsyncGenerator<TNativeDocument["excerpts"]> {
  for await (const page of pages) {
    yield page.map(({ anchorMethod, anchorScore, orphanReason, ...x }) => ({
      ...x,
      ...(anchorMethod !== "exact" || anchorScore !== 1 ? { anchoring: { method: anchorMethod, score: anchorScore } } : {}),
      ...(orphanReason !== null ? { orphaned: { reason: orphanReason } } : {}),
    }));
  }
}

/** Comments in the document's shape: a deleted thread start keeps its place, not its words. */
async function* comments(pages: AsyncIterable<TCommentRow[]>): AsyncGenerator<NonNullable<TNativeDocument["comments"]>> {
  for await (const page of pages) {
    yield page.map((c) => ({
      id: c.id,
      target: { type: c.targetType, id: c.targetId },
      parentId: c.parentId,
      author: c.deleted ? null : c.author,
      body: c.deleted ? null : c.body,
      createdAt: new Date(c.createdAt).toISOString(),
      editedAt: c.deleted || !c.editedAt ? null : new Date(c.editedAt).toISOString(),
      resolved: c.resolvedAt ? { at: new Date(c.resolvedAt).toISOString(), by: c.resolvedBy } : null,
    }));
  }
}
