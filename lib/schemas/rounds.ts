import { z } from "zod";
import { ROUND_ANSWERS } from "../domain/coding-agreement";
import { VOICES } from "../domain/types";
import { text } from "./fields";
import { ZIdSchema, ZSlugSchema } from "./params";

export const MAX_ROUND_TITLE_LENGTH = 200;
export const MAX_ROUND_ITEMS = 200;
export const MAX_ROUND_REASON_LENGTH = 300;

export const ZRoundParamsSchema = z.object({ slug: ZSlugSchema, id: ZIdSchema });

/** `POST …/rounds`: the facilitator's list of (passage, claim) items, each once. */
export const ZCreateRoundSchema = z
  .strictObject({
    title: text(MAX_ROUND_TITLE_LENGTH, "A round's title"),
    items: z
      .array(z.strictObject({ excerptId: ZIdSchema, claimId: ZIdSchema }))
      .min(1, "A round needs at least one item")
      .max(MAX_ROUND_ITEMS, `A round has at most ${MAX_ROUND_ITEMS} items`),
    askVoice: z.boolean({ error: "askVoice must be true or false" }).optional(),
  })
  .refine((v) => new Set(v.items.map((i) => `${i.excerptId} ${i.claimId}`)).size === v.items.length, { message: "Each (passage, claim) item may appear once", path: ["items"] });
export type TCreateRound = z.infer<typeof ZCreateRoundSchema>;

export const ZRoundAnswerSchema = z.enum(ROUND_ANSWERS, { error: `stance must be one of ${ROUND_ANSWERS.join(", ")}` });

/** `PUT …/rounds/:id/answers`: some or all of the caller's own answers (later ones replace earlier). */
export const ZPutAnswersSchema = z
  .strictObject({
    answers: z
      .array(
        z.strictObject({
          item: z.number().int().min(0).max(MAX_ROUND_ITEMS - 1),
          stance: ZRoundAnswerSchema,
          voice: z.enum(VOICES, { error: `voice must be one of ${VOICES.join(", ")}` }).optional(),
          reason: z.string().trim().max(MAX_ROUND_REASON_LENGTH, `A reason must be at most ${MAX_ROUND_REASON_LENGTH} characters`).optional(),
        }),
      )
      .min(1, "Send at least one answer")
      .max(MAX_ROUND_ITEMS),
  })
  .refine((v) => new Set(v.answers.map((a) => a.item)).size === v.answers.length, { message: "Each item may be answered once per request", path: ["answers"] });
export type TPutAnswers = z.infer<typeof ZPutAnswersSchema>;

/** `POST …/rounds/:id/adopt`: make the majority answer of one item the map's evidence. */
export const ZAdoptMajoritySchema = z.strictObject({ item: z.number().int().min(0).max(MAX_ROUND_ITEMS - 1) });

/** `GET …/rounds/:id/export?format=csv|json`. */
export const ZRoundExportQuerySchema = z.strictObject({ format: z.enum(["csv", "json"], { error: "format must be csv or json" }) });
