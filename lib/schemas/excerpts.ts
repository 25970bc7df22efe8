import { z } from "zod";
import { MAX_CONTEXT_LENGTH, MAX_QUOTE_LENGTH, ZNoteSchema, ZStanceSchema, ZVersionSchema, ZVoiceSchema } from "./fields";
import { ZIdSchema } from "./params";

const MAX_QUOTE = MAX_QUOTE_LENGTH;
const ZContext = z.string().max(MAX_CONTEXT_LENGTH, `prefix and suffix are at most ${MAX_CONTEXT_LENGTH} characters`);

/** TextPosition + TextQuote: the server checks that `exact` is the text at [start, end). */
export const ZPositionSelectorSchema = z
  .strictObject({
    start: z.int().min(0),
    end: z.int().min(1),
    exact: z.string().min(1).max(MAX_QUOTE, `A passage is at most ${MAX_QUOTE.toLocaleString("en")} characters`),
    prefix: ZContext.optional(),
    suffix: ZContext.optional(),
  })
  .refine((s) => s.end > s.start, { message: "end must be greater than start", path: ["end"] })
  .refine((s) => s.end - s.start === s.exact.length, { message: "end - start must equal the length of exact", path: ["exact"] });

/** TextQuote alone: anchored by searching the text (prefix/suffix disambiguate repeats). */
export const ZQuoteSelectorSchema = z.strictObject({
  exact: z.string().min(1).max(MAX_QUOTE, `A passage is at most ${MAX_QUOTE.toLocaleString("en")} characters`),
  prefix: ZContext.optional(),
  suffix: ZContext.optional(),
});

export const ZEvidenceInputSchema = z.strictObject({
  claimId: ZIdSchema,
  stance: ZStanceSchema,
  voice: ZVoiceSchema.default("AUTHOR"),
  note: ZNoteSchema.optional(),
});

export const ZCreateExcerptSchema = z.strictObject({
  sourceId: ZIdSchema,
  selector: z.union([ZPositionSelectorSchema, ZQuoteSelectorSchema]),
  evidence: z.array(ZEvidenceInputSchema).max(50).default([]),
});
export type TCreateExcerpt = z.infer<typeof ZCreateExcerptSchema>;

export const ZAddEvidenceSchema = z.strictObject({ excerptId: ZIdSchema, ...ZEvidenceInputSchema.shape });

export const ZUpdateEvidenceSchema = z
  .strictObject({ version: ZVersionSchema, stance: ZStanceSchema.optional(), voice: ZVoiceSchema.optional(), note: ZNoteSchema.nullable().optional() })
  .refine((v) => v.stance !== undefined || v.voice !== undefined || v.note !== undefined, { message: "Send stance, voice or note to change" });

/** `POST …/excerpts/:id/reattach`: an orphaned excerpt placed on a passage of the current text. */
export const ZReattachExcerptSchema = z.strictObject({ version: ZVersionSchema, selector: ZPositionSelectorSchema });
export type TReattachExcerpt = z.infer<typeof ZReattachExcerptSchema>;
