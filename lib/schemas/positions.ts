import { z } from "zod";
import { ZNoteSchema, ZPositionStanceSchema, ZVersionSchema } from "./fields";
import { ZIdSchema } from "./params";

/** Sets an author's position on a claim by hand; `version` is required when one already exists. */
export const ZSetPositionSchema = z.strictObject({
  claimId: ZIdSchema,
  authorId: ZIdSchema,
  stance: ZPositionStanceSchema,
  note: ZNoteSchema.optional(),
  version: ZVersionSchema.optional(),
});

export const ZClearPositionSchema = z.strictObject({ claimId: ZIdSchema, authorId: ZIdSchema, version: ZVersionSchema });
