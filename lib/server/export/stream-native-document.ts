import "server-only";
import { readSnapshot, type TSnapshot } from "../../db/snapshot";
import { formatPublished } from "../../domain/dates";
import type { TDatePrecision } from "../../domain/types";
import { streamJsonWithLists, type TJsonListPages } from "../../export/json/serialise-native-document";
import { NATIVE_SCHEMA_ID, NATIVE_SCHEMA_VERSION, type TNativeDocument } from "../../schemas/native-document";
import { notFound } from "../../errors/app-error";

type TSourceRow = Omit<TNativeDocument["sources"][number], "published"> & { publishedOn: string; precision: TDatePrecision };

/** Source rows per page: their texts are the bulk (≈25 KB each in the large benchmark map). */
const SOURCES_PER_PAGE = 40;

/** Size of the pieces the document is handed on in. */
const JSON_CHUNK = 256 * 1024;

/**
 * A workspace as a native document, streamed: read in one REPEATABLE READ snapshot (so a change
 * made meanwhile cannot leave an excerpt pointing at a source the document lacks), the long lists
 * page by page through cursors and written out as they arrive. Only live rows: an excerpt of a
 * deleted source, evidence of a deleted claim, a link to a deleted claim are left out, as every
 * view leaves them out.
 *
 * Rows are ordered by what they are, never by id, so exporting an imported copy gives the same
 * document again (apart from ids).
 */
export function streamNativeDocument(workspaceId: string, options: { comments?: boolean } = {}): AsyncGenerator<string> {
  return readSnapshot((snapshot) => nativeDocument(snapshot, workspaceId, options));
}

/**
 * The queries of the document's lists, each ordered by what the rows are ($1: the workspace).
 * Only live rows, and only rows whose references are live too.
 */
export const NATIVE_LISTS_SQL = {
  authors: `select id::text, name, "shortName", affiliation from "Author" where "workspaceId" = $1::uuid order by name, id`,
  sources: `
    select s.id::text, s."authorId"::text, s.title, s.publication, s."publishedOn"::text as "publishedOn", s."publishedPrecision"::text as precision,
           s."publishedNote", s.url, s.text
    from "Source" s where s."workspaceId" = $1::uuid and s."deletedAt" is null
    order by s."publishedOn", s.title, s.id`,
  claims: `select id::text, text, tags from "Claim" where "workspaceId" = $1::uuid and "deletedAt" is null order by rank, id`,
  claimLinks: `
    select l.id::text, l."fromClaimId"::text, l."toClaimId"::text, l.relation::text
    from "ClaimLink" l
    join "Claim" f on f.id = l."fromClaimId" and f."deletedAt" is null
    join "Claim" t on t.id = l."toClaimId" and t."deletedAt" is null
    where l."workspaceId" = $1::uuid and l."deletedAt" is null
    order by f.rank, t.rank, l.relation`,
  excerpts: `
    select x.id::text, x."sourceId"::text, x.start, x."end", x.exact, x.prefix, x.suffix
    from "Excerpt" x join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
    where x."workspaceId" = $1::uuid and x."deletedAt" is null
    order by s."publishedOn", s.title, s.id, x.start, x."end", x.id`,
  evidence: `
    select e.id::text, e."excerptId"::text, e."claimId"::text, e.stance::text, e.voice::text, e.note
    from "Evidence" e
    join "Claim" c on c.id = e."claimId" and c."deletedAt" is null
    join "Excerpt" x on x.id = e."excerptId" and x."deletedAt" is null
    join "Source" s on s.id = x."sourceId" and s."deletedAt" is null
    where e."workspaceId" = $1::uuid and e."deletedAt" is null
    order by c.rank, s."publishedOn", s.title, s.id, x.start, x."end", e.stance, e.voice, e.id`,
  positions: `
    select p."claimId"::text, p."authorId"::text, p.stance::text, p.note
    from "Position" p
    join "Claim" c on c.id = p."claimId" and c."deletedAt" is null
    join "Author" a on a.id = p."authorId"
    where p."workspaceId" = $1::uuid and p."deletedAt" is null
    order by c.rank, a.name`,
} as const;

/**
 * With `?comments=1`: every live comment on a target the document holds, and a deleted thread
 * start that still has live replies (without its text or author, as its thread shows it); oldest
 * first. Imported comments keep their original authors' and resolvers' names.
 */
export const NATIVE_COMMENTS_SQL = `
    select c.id::text, c."parentId"::text as "parentId",
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
    where c."workspaceId" = $1::uuid
      and (c."claimId" is null or k."deletedAt" is null)
      and (c."excerptId" is null or (x."deletedAt" is null and xs."deletedAt" is null))
      and (c."evidenceId" is null or (e."deletedAt" is null and ek."deletedAt" is null and ex."deletedAt" is null and es."deletedAt" is null))
      and (c."deletedAt" is null or (c."parentId" is null and exists (select 1 from "Comment" reply where reply."parentId" = c.id and reply."deletedAt" is null)))
    order by c."createdAt", c.body, c.id`;

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
    `select slug, title, description, visibility::text as visibility from "Workspace" where id = $1::uuid`,
    [workspaceId],
  );
  if (!workspace) throw notFound("Workspace");
  const w = [workspaceId];
  const head = { $schema: NATIVE_SCHEMA_ID, schemaVersion: NATIVE_SCHEMA_VERSION, generator: "Stancemap", exportedAt: new Date().toISOString(), workspace };
  const lists: Record<keyof typeof NATIVE_LISTS_SQL, TJsonListPages> & { comments?: TJsonListPages } = {
    authors: [await snapshot.rows(NATIVE_LISTS_SQL.authors, w)],
    sources: sources(snapshot.pages<TSourceRow>(NATIVE_LISTS_SQL.sources, w, SOURCES_PER_PAGE)),
    claims: snapshot.pages(NATIVE_LISTS_SQL.claims, w),
    claimLinks: snapshot.pages(NATIVE_LISTS_SQL.claimLinks, w),
    excerpts: snapshot.pages(NATIVE_LISTS_SQL.excerpts, w),
    evidence: snapshot.pages(NATIVE_LISTS_SQL.evidence, w),
    positions: snapshot.pages(NATIVE_LISTS_SQL.positions, w),
    ...(options.comments ? { comments: comments(snapshot.pages<TCommentRow>(NATIVE_COMMENTS_SQL, w)) } : {}),
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
