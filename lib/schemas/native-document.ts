import { z } from "zod";
import { parsePublished } from "../domain/dates";
import { MAX_CLAIM_LENGTH } from "./fields";
import { MAX_SOURCE_PAGES } from "./sources";
import { ANCHOR_METHODS, LINK_RELATIONS, POSITION_STANCES, SOURCE_FORMATS, STANCES, VISIBILITIES, VOICES } from "../domain/types";
import { COMMENT_TARGET_TYPES, MAX_COMMENT_LENGTH } from "../domain/comments";

/**
 * The native Stancemap document, version 1: one workspace, complete, as `GET …/export?format=json`
 * writes it and `POST /api/workspaces/import` reads it. This schema is the one definition; the
 * JSON Schema in docs/schema/stancemap-v1.json is generated from it (`npm run schema`).
 *
 * Ids are strings local to the document: they tie rows together (an excerpt's `sourceId`, an
 * evidence link's `claimId`) and are replaced by new ids on import. Array order is meaningful
 * for claims (the map's order). Positions are only those set by hand: the others follow from the
 * evidence and are derived again on import. Comments are optional (`?comments=1` on export): their
 * authors are names, not accounts; an import attributes them to the importer and keeps the names.
 *
 * Fields added to version 1 later are optional and mean, when absent, what documents without them
 * meant: a source's `format` (absent: plain text), an excerpt's `anchoring` (absent: placed
 * verbatim) and `orphaned` (absent: placed in its source's text). So every older document still
 * imports, and exporting it again adds nothing.
 */
export const NATIVE_SCHEMA_VERSION = 1;
export const NATIVE_SCHEMA_ID = "https://stancemap.org/schema/stancemap-v1.json";

const ZLocalId = z.string().min(1).max(100).describe("An id local to this document; replaced on import.");
const ZShortText = (max: number) => z.string().min(1).max(max);
const ZPublished = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  .refine((v) => parsePublished(v) !== null, { message: 'published must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date)' })
  .describe('Publication date with only the precision known: "YYYY", "YYYY-MM" or "YYYY-MM-DD".');

export const ZNativeWorkspaceSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).min(2).max(64).describe("Preferred slug; another is chosen on import when it is taken."),
  title: ZShortText(200),
  description: z.string().max(2000),
  visibility: z.enum(VISIBILITIES),
});

export const ZNativeAuthorSchema = z.strictObject({
  id: ZLocalId,
  name: ZShortText(200),
  shortName: ZShortText(40),
  affiliation: z.string().max(300).nullable(),
});

export const ZNativeSourceSchema = z.strictObject({
  id: ZLocalId,
  authorId: ZLocalId,
  title: ZShortText(500),
  publication: z.string().max(300).nullable(),
  published: ZPublished,
  publishedNote: z.string().max(500).nullable(),
  // Only web addresses: a document's source link is shown and exported as a link.
  url: z.url({ protocol: /^https?$/, message: "url must be an http(s) address" }).max(2000).nullable(),
  text: z.string().min(1).describe("The full text; excerpt offsets are UTF-16 code units into it."),
  pages: z
    .array(z.int().min(0))
    .max(MAX_SOURCE_PAGES)
    .optional()
    .describe("Where each printed page starts in the text (UTF-16 offsets, ascending, the first 0), for a text read from a PDF; absent when the text has no pages."),
  format: z
    .enum(SOURCE_FORMATS, { error: 'format must be "text" or "markdown"' })
    .optional()
    .describe('What the text is written in: "markdown" (shown rendered; excerpt offsets are still into the Markdown as written) or "text"; absent means "text".'),
});

export const ZNativeClaimSchema = z.strictObject({
  id: ZLocalId,
  text: ZShortText(MAX_CLAIM_LENGTH),
  tags: z.array(z.string().min(1).max(40).regex(/^[\p{L}\p{N}-]+$/u)).max(12),
});

export const ZNativeClaimLinkSchema = z.strictObject({
  id: ZLocalId,
  fromClaimId: ZLocalId,
  toClaimId: ZLocalId,
  relation: z.enum(LINK_RELATIONS),
});

export const ZNativeAnchoringSchema = z
  .strictObject({
    method: z.enum(ANCHOR_METHODS, { error: 'anchoring.method must be "exact", "normalised" or "fuzzy"' }),
    score: z.number({ error: "anchoring.score must be a number from 0 to 1" }).min(0, "anchoring.score must be from 0 to 1").max(1, "anchoring.score must be from 0 to 1"),
  })
  .describe(
    'How the quote was placed in the text: verbatim ("exact"), verbatim once whitespace, quotation marks, dashes and hyphenation are normalised ("normalised"), or approximately ("fuzzy"), with how closely it matched (0–1; 1 unless approximate). Absent means exact with score 1. An import keeps it for an excerpt found at its offsets, and says anew how it placed one it had to find by its quote.',
  );

export const ZNativeOrphanSchema = z
  .strictObject({
    reason: z.string({ error: "orphaned.reason must be a text" }).min(1, "orphaned.reason must not be empty").max(500),
  })
  .describe(
    "Set on an excerpt that a revision of its source's text no longer holds (an orphan): it keeps its quote, prefix, suffix and evidence, is shown nowhere in the text and counts in no position until it is re-attached to a passage. Its start and end are offsets into the earlier text it was made on, which the document does not carry: they are kept as they were and not checked against the source's text.",
  );

export const ZNativeExcerptSchema = z.strictObject({
  id: ZLocalId,
  sourceId: ZLocalId,
  start: z.int().min(0).describe("TextPositionSelector start (UTF-16 code units); for an orphan, into an earlier text of the source."),
  end: z.int().min(1).describe("TextPositionSelector end, exclusive; for an orphan, into an earlier text of the source."),
  exact: z.string().min(1).describe("TextQuoteSelector exact: must equal the source text from start to end (an orphan's is the quote as it was)."),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  anchoring: ZNativeAnchoringSchema.optional(),
  orphaned: ZNativeOrphanSchema.optional(),
});

export const ZNativeEvidenceSchema = z.strictObject({
  id: ZLocalId,
  excerptId: ZLocalId,
  claimId: ZLocalId,
  stance: z.enum(STANCES),
  voice: z.enum(VOICES),
  note: z.string().max(5000).nullable(),
});

export const ZNativePositionSchema = z.strictObject({
  claimId: ZLocalId,
  authorId: ZLocalId,
  stance: z.enum(POSITION_STANCES),
  note: z.string().max(5000).nullable(),
});

const ZTimestamp = z.iso.datetime({ offset: true }).describe("An ISO 8601 date and time.");

export const ZNativeCommentSchema = z.strictObject({
  id: ZLocalId,
  target: z
    .strictObject({ type: z.enum(COMMENT_TARGET_TYPES), id: ZLocalId })
    .describe("What the comment is on: a claim, an excerpt or an evidence link of this document, by its id."),
  parentId: ZLocalId.nullable().describe("For a reply, the first comment of its thread (replies are one level deep, on the thread's target); null for a thread's first comment."),
  author: ZShortText(200).nullable().describe("The name of who wrote it (accounts are not exported); null for a deleted first comment kept because its thread has replies."),
  body: z.string().min(1).max(MAX_COMMENT_LENGTH).nullable().describe("Plain text; null for a deleted first comment kept because its thread has replies."),
  createdAt: ZTimestamp,
  editedAt: ZTimestamp.nullable(),
  resolved: z
    .strictObject({ at: ZTimestamp, by: ZShortText(200).nullable() })
    .nullable()
    .describe("On a resolved thread's first comment: when, and the name of who resolved it."),
});

export const ZNativeDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(NATIVE_SCHEMA_VERSION, { error: `schemaVersion must be ${NATIVE_SCHEMA_VERSION}: this is not a Stancemap v${NATIVE_SCHEMA_VERSION} document` }),
    generator: z.string().max(200).optional(),
    exportedAt: z.string().max(40).optional(),
    workspace: ZNativeWorkspaceSchema,
    authors: z.array(ZNativeAuthorSchema),
    sources: z.array(ZNativeSourceSchema),
    claims: z.array(ZNativeClaimSchema),
    claimLinks: z.array(ZNativeClaimLinkSchema),
    excerpts: z.array(ZNativeExcerptSchema),
    evidence: z.array(ZNativeEvidenceSchema),
    positions: z.array(ZNativePositionSchema),
    comments: z.array(ZNativeCommentSchema).optional().describe("The discussion, when exported with it: threads and replies, oldest first."),
  })
  .meta({ $id: NATIVE_SCHEMA_ID, title: "Stancemap document, version 1" });

export type TNativeDocument = z.infer<typeof ZNativeDocumentSchema>;

/** The published JSON Schema of the document (draft 2020-12). */
export function nativeDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ZNativeDocumentSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
