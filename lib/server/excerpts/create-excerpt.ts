import "server-only";
import { anchorQuote, type TAnchoring } from "../../anchoring/anchor-quote";
import { describeRange, matchesPosition } from "../../anchoring/text-quote";
import type { TSelector } from "../../domain/types";
import { AppError, notFound } from "../../errors/app-error";
import type { TCreateExcerpt } from "../../schemas/excerpts";
import { hotRows, Prisma, type TRowReader } from "../../db/client";
import { EVENT_CATALOG } from "../../domain/events";
import type { TAtOnceContext } from "../http";
import { recordEventsSql, type TMutationContext, type TMutationResult, type TTx } from "../mutation";
import { peekSourceText, readSourceText, SOURCE_STAMP } from "../sources/read-source-text";

export const EXCERPT_FIELDS = { id: true, sourceId: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchorMethod: true, anchorScore: true, version: true, deletedAt: true } as const;
export const EVIDENCE_FIELDS = { id: true, excerptId: true, claimId: true, stance: true, voice: true, note: true, version: true, deletedAt: true } as const;

/** A selector resolved against a source's text, and how its quote was found there. */
export interface TResolvedSelector {
  selector: TSelector;
  anchoring: TAnchoring;
}

/**
 * Resolves a selector against the source text. A position selector must quote the text at its
 * offsets exactly (422 otherwise); a quote alone is placed by `anchorQuote` — verbatim, after
 * normalising, or approximately — and must be placed once (422 listing the candidates when
 * nothing tells them apart). The selector holds the source's own text at the span found.
 */
export function resolveSelector(text: string, selector: TCreateExcerpt["selector"]): TResolvedSelector {
  if ("start" in selector) {
    if (selector.end > text.length || !matchesPosition(text, selector)) {
      const actual = text.slice(selector.start, Math.min(selector.end, text.length));
      throw new AppError(
        "UNPROCESSABLE",
        `The selector does not match the source: at ${selector.start}–${selector.end} the text reads “${preview(actual)}”, not “${preview(selector.exact)}”.`,
        { issues: [{ path: "selector.exact", message: "does not equal the source text at [start, end)" }] },
      );
    }
    return { selector: describeRange(text, selector.start, selector.end), anchoring: { method: "exact", score: 1 } };
  }
  const result = anchorQuote(text, selector);
  if (result.ok) return { selector: result.selector, anchoring: result.anchoring };
  if (result.reason === "not-found") {
    throw new AppError("UNPROCESSABLE", `The passage “${preview(selector.exact)}” is not in this source, not even approximately${selector.prefix || selector.suffix ? " with that prefix/suffix" : ""}.`, {
      issues: [{ path: "selector.exact", message: "not found in the source text" }],
    });
  }
  throw new AppError("UNPROCESSABLE", `The passage “${preview(selector.exact)}” occurs ${result.more ? "more than " : ""}${result.count} times; add a prefix or suffix (or start/end) to say which.`, {
    issues: result.candidates.map((c, i) => ({ path: `selector.candidates.${i}`, message: `start ${c.start}, end ${c.end}: …${c.prefix}[${preview(c.exact, 40)}]${c.suffix}…` })),
  });
}

function preview(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

type TExcerptRow = {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorMethod: TAnchoring["method"];
  anchorScore: number;
  version: number;
  deletedAt: Date | null;
};
type TEvidenceRow = { id: string; excerptId: string; claimId: string; stance: string; voice: string; note: string | null; version: number; deletedAt: Date | null };

interface TWritten {
  /** False when the source is gone or its stamp is not the one given: then nothing was written. */
  current: boolean;
  excerpt: TExcerptRow;
  /** Whether the excerpt was made by this statement (else a live one at the same offsets was reused). */
  created: boolean;
  /** The page the excerpt starts on; null for a source without pages. */
  page: number | null;
  /** The evidence rows inserted, in the order asked for. */
  evidence: TEvidenceRow[];
  /** How many distinct requested claims are live claims of this workspace. */
  claims: number;
  /** How many of them already have live evidence from this excerpt. */
  taken: number;
}

/**
 * Finds or makes the excerpt at the selector's offsets and links it to the live claims of the
 * workspace among `items`, in one statement: these were six ORM calls, and a round trip costs the
 * app more than the insert costs the database. It writes only when the write can stand — the source
 * is live (and, with a `stamp`, still has that stamp: the selector was resolved against the text
 * read at it), every requested claim is a live claim of the workspace, named once, and none is
 * linked to this passage already — and otherwise writes nothing and says why (`current`, `claims`,
 * `taken`). With `recordAs`, the statement also records the events and NOTIFYs them
 * (`recordEventsSql`), so it is a whole change without an explicit transaction.
 */
async function writeExcerptWithEvidence(
  rows: TRowReader,
  ids: { workspaceId: string; sourceId: string; userId: string },
  { selector, anchoring }: TResolvedSelector,
  items: TCreateExcerpt["evidence"],
  stamp: string | null,
  recordAs: { actorId: string } | null = null,
): Promise<TWritten> {
  const now = new Date();
  const wanted = JSON.stringify(items.map((e) => ({ claimId: e.claimId, stance: e.stance, voice: e.voice, note: e.note || null })));
  const asked = new Set(items.map((e) => e.claimId)).size;
  const events = recordAs
    ? recordEventsSql(
        ids.workspaceId,
        recordAs.actorId,
        Prisma.sql`
          select 0::bigint as ord, 'excerpt.created' as type, ${EVENT_CATALOG["excerpt.created"].entity} as "entityType", m.id as "entityId",
                 jsonb_build_object('id', m.id, 'sourceId', m."sourceId", 'start', m.start, 'end', m."end", 'exact', m.exact, 'prefix', m.prefix, 'suffix', m.suffix,
                                    'anchorMethod', m."anchorMethod", 'anchorScore', m."anchorScore", 'version', m.version, 'deletedAt', null) as after
          from made m
          union all
          select c.ord, 'evidence.created', ${EVENT_CATALOG["evidence.created"].entity}, l.id,
                 jsonb_build_object('id', l.id, 'excerptId', l."excerptId", 'claimId', l."claimId", 'stance', l.stance, 'voice', l.voice, 'note', l.note,
                                    'version', l.version, 'deletedAt', null)
          from linked l join claims c on c."claimId" = l."claimId"`,
      )
    : Prisma.empty;
  const found = await rows.rows<TWritten>(Prisma.sql`
    with source as (
      select "pageStarts" from "Source"
      where id = ${ids.sourceId}::uuid and "workspaceId" = ${ids.workspaceId}::uuid and "deletedAt" is null
        and (${stamp}::text is null or ${SOURCE_STAMP} = ${stamp}::text)
    ), wanted as (
      select (x.value ->> 'claimId')::uuid as "claimId", (x.value ->> 'stance')::"Stance" as stance,
             (x.value ->> 'voice')::"Voice" as voice, x.value ->> 'note' as note, x.ord
      from jsonb_array_elements(${wanted}::jsonb) with ordinality as x(value, ord)
    ), claims as (
      select w.* from wanted w
      join "Claim" c on c.id = w."claimId" and c."workspaceId" = ${ids.workspaceId}::uuid and c."deletedAt" is null
      where exists (select 1 from source)
    ), found as (
      select id, "sourceId", start, "end", exact, prefix, suffix, "anchorMethod", "anchorScore", version, false as created from "Excerpt"
      where "sourceId" = ${ids.sourceId}::uuid and start = ${selector.start}::int and "end" = ${selector.end}::int and "deletedAt" is null and "orphanedAt" is null
        and exists (select 1 from source)
      limit 1
    ), checked as (
      select exists (select 1 from source) as current,
        (select count(distinct "claimId")::int from claims) as claims,
        (select count(*)::int from claims c
           where exists (select 1 from "Evidence" e, found x where e."excerptId" = x.id and e."claimId" = c."claimId" and e."deletedAt" is null)) as taken
    ), ok as (
      select 1 from checked where current and claims = ${asked}::int and ${asked}::int = ${items.length}::int and taken = 0
    ), made as (
      insert into "Excerpt" ("workspaceId", "sourceId", start, "end", exact, prefix, suffix, "anchorMethod", "anchorScore", "createdById", "createdAt")
      select ${ids.workspaceId}::uuid, ${ids.sourceId}::uuid, ${selector.start}::int, ${selector.end}::int, ${selector.exact}::text, ${selector.prefix}::text, ${selector.suffix}::text,
             ${anchoring.method}::"AnchorMethod", ${anchoring.score}::float8, ${ids.userId}::uuid, ${now}::timestamp(3)
      where exists (select 1 from ok) and not exists (select 1 from found)
      returning id, "sourceId", start, "end", exact, prefix, suffix, "anchorMethod", "anchorScore", version, true as created
    ), excerpt as (
      select * from found union all select * from made
    ), linked as (
      insert into "Evidence" ("workspaceId", "excerptId", "claimId", stance, voice, note, "createdById", "createdAt", "updatedAt")
      select ${ids.workspaceId}::uuid, x.id, c."claimId", c.stance, c.voice, c.note, ${ids.userId}::uuid, ${now}::timestamp(3), ${now}::timestamp(3)
      from claims c cross join excerpt x
      where exists (select 1 from ok)
      order by c.ord
      returning id, "excerptId", "claimId", stance, voice, note, version
    )${events}
    select k.current, k.claims, k.taken,
      (select json_build_object('id', id, 'sourceId', "sourceId", 'start', start, 'end', "end", 'exact', exact, 'prefix', prefix, 'suffix', suffix,
                          'anchorMethod', "anchorMethod", 'anchorScore', "anchorScore", 'version', version)
         from excerpt) as excerpt,
      (select created from excerpt) as created,
      (select case when cardinality(s."pageStarts") = 0 then null else (select count(*)::int from unnest(s."pageStarts") p where p <= x.start) end
         from source s, excerpt x) as page,
      coalesce((select json_agg(json_build_object('id', l.id, 'excerptId', l."excerptId", 'claimId', l."claimId", 'stance', l.stance, 'voice', l.voice, 'note', l.note, 'version', l.version) order by c.ord)
         from linked l join claims c on c."claimId" = l."claimId"), '[]'::json) as evidence${recordAs ? Prisma.sql`,
      (select count(*)::int from notified) as notified` : Prisma.empty}
    from checked k`);
  return found[0];
}

/** Refuses a write `writeExcerptWithEvidence` did not make for its claims (it then wrote nothing). */
function refuseUnlessLinked(written: TWritten, input: TCreateExcerpt): void {
  const claimIds = new Set(input.evidence.map((e) => e.claimId));
  if (written.claims < claimIds.size) throw notFound("Claim");
  if (claimIds.size !== input.evidence.length) throw new AppError("BAD_REQUEST", "Each claim may appear only once in evidence.");
  if (written.taken > 0) throw new AppError("CONFLICT", "This passage is already evidence for that claim; edit the existing link instead.");
}

/** The answer to a write that was made: the excerpt, the page it starts on, its new evidence and how its quote was placed. */
function answerOf(written: TWritten, anchoring: TAnchoring) {
  const excerpt = { ...written.excerpt, deletedAt: null };
  const evidence = written.evidence.map((row) => ({ ...row, deletedAt: null }));
  // The page its start falls on, for a source read from a PDF (not part of the excerpt's recorded row).
  return { excerpt, answer: { ...excerpt, page: written.page, evidence, anchoring } };
}

/**
 * `createExcerpt` as one statement with no explicit transaction, events included: the common case
 * of a script or a browser adding evidence (the source's text in memory, the selector anchoring in
 * it, no Idempotency-Key). Null when the general path must decide — the text is not in memory, the
 * selector does not resolve in it, or the source changed since — and then nothing was written.
 */
export async function createExcerptAtOnce({ workspace, viewer }: TAtOnceContext, input: TCreateExcerpt): Promise<TMutationResult<ReturnType<typeof answerOf>["answer"]> | null> {
  const ids = { workspaceId: workspace.id, sourceId: input.sourceId, userId: viewer.userId };
  const made = await writeFromMemory(hotReader, ids, input, { actorId: viewer.userId });
  if (!made) return null;
  refuseUnlessLinked(made.written, input);
  return { status: 201, body: answerOf(made.written, made.anchoring).answer };
}

const hotReader: TRowReader = { rows: (query) => hotRows(query) };

/**
 * Anchors a passage of a source and links it to claims as evidence, in one step. Selecting the
 * same passage again reuses its excerpt. The answer says how this request's quote was placed
 * (`anchoring`); the excerpt keeps how its quote was first placed (`anchorMethod`, `anchorScore`).
 */
export async function createExcerpt({ tx, workspace, viewer, record }: TMutationContext, input: TCreateExcerpt) {
  const ids = { workspaceId: workspace.id, sourceId: input.sourceId, userId: viewer.userId };
  const { written, anchoring } = (await writeFromMemory(txReader(tx), ids, input)) ?? (await writeFromDatabase(tx, ids, input));
  refuseUnlessLinked(written, input);
  const { excerpt, answer } = answerOf(written, anchoring);
  if (written.created) record({ type: "excerpt.created", entityId: excerpt.id, after: excerpt });
  for (const created of answer.evidence) record({ type: "evidence.created", entityId: created.id, after: created });
  return answer;
}

type TIds = Parameters<typeof writeExcerptWithEvidence>[1];

function txReader(tx: TTx): TRowReader {
  return { rows: (query) => tx.$queryRaw(query) };
}

/**
 * The usual case, in one round trip: the source's text is in memory, the selector anchors in it,
 * and the write itself checks that the source still has the stamp that text was read at. Null
 * when any of that fails; the caller then reads the source, so its errors (404, 422) are always
 * decided on the database's current text. With `recordAs`, the statement records its events too
 * (see `writeExcerptWithEvidence`).
 */
async function writeFromMemory(rows: TRowReader, ids: TIds, input: TCreateExcerpt, recordAs: { actorId: string } | null = null): Promise<{ written: TWritten; anchoring: TAnchoring } | null> {
  const known = peekSourceText(input.sourceId);
  if (!known) return null;
  let resolved: TResolvedSelector;
  try {
    resolved = resolveSelector(known.text, input.selector);
  } catch {
    return null;
  }
  const written = await writeExcerptWithEvidence(rows, ids, resolved, input.evidence, known.stamp, recordAs);
  return written.current ? { written, anchoring: resolved.anchoring } : null;
}

async function writeFromDatabase(tx: TTx, ids: TIds, input: TCreateExcerpt): Promise<{ written: TWritten; anchoring: TAnchoring }> {
  const text = await readSourceText(tx, ids.workspaceId, input.sourceId);
  if (text === null) throw notFound("Source");
  const resolved = resolveSelector(text, input.selector);
  const written = await writeExcerptWithEvidence(txReader(tx), ids, resolved, input.evidence, null);
  // Removed between the read and the write by a change that committed in between.
  if (!written.current) throw notFound("Source");
  return { written, anchoring: resolved.anchoring };
}
