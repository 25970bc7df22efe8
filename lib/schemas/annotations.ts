import { z } from "zod";
import { STANCES, VOICES } from "../domain/types";
import { ZIdSchema } from "./params";

/** At most this many annotations (W3C) or rows (Hypothesis) in one import. */
export const MAX_IMPORTED_ANNOTATIONS = 5000;
/** At most this many tags mapped to claims in one Hypothesis import. */
export const MAX_TAG_MAPPINGS = 200;

export const ANNOTATION_FORMATS = ["w3c", "hypothesis"] as const;

/** `POST …/sources/:id/annotations?format=w3c|hypothesis` (W3C Web Annotations by default). */
export const ZAnnotationImportQuerySchema = z.object({
  format: z.enum(ANNOTATION_FORMATS, { error: `format must be one of ${ANNOTATION_FORMATS.join(", ")}` }).default("w3c"),
});

/** A W3C annotation document: a collection, a page, a list of annotations or one annotation. */
export const ZAnnotationDocumentSchema = z.union([z.array(z.unknown()).max(MAX_IMPORTED_ANNOTATIONS, "at most 5,000 annotations at a time"), z.looseObject({})], {
  error: "expected a W3C Web Annotation document (an AnnotationCollection, a list of annotations or one annotation)",
});

/** One tag of a Hypothesis export and what it says: the claim its passages are evidence for, with which stance and voice. */
export const ZTagMappingSchema = z.strictObject({
  tag: z.string().min(1).max(200),
  claimId: ZIdSchema,
  stance: z.enum(STANCES),
  voice: z.enum(VOICES).default("AUTHOR"),
});

/**
 * A Hypothesis API export (what `GET /api/search` answers: `rows` of annotations with `target`,
 * `text`, `tags`, `user`, `created`, `uri`) with the tag → claim mapping the person confirmed.
 * Tags not in the mapping leave their passages as excerpts without evidence.
 */
export const ZHypothesisImportSchema = z.looseObject({
  rows: z.array(z.unknown(), { error: "expected a Hypothesis export: an object with rows (what its /api/search answers)" }).max(MAX_IMPORTED_ANNOTATIONS, "at most 5,000 annotations at a time"),
  mapping: z.array(ZTagMappingSchema).max(MAX_TAG_MAPPINGS).default([]),
});

export type TTagMapping = z.output<typeof ZTagMappingSchema>;
