import { z } from "zod";
import { COMMENT_TARGET_TYPES, MAX_COMMENT_LENGTH, type TCommentTarget } from "../domain/comments";
import { text, ZVersionSchema } from "./fields";
import { ZIdSchema } from "./params";

/** A comment's text: trimmed, 1–5,000 characters, kept as plain text. */
export const ZCommentBodySchema = text(MAX_COMMENT_LENGTH, "A comment").refine((body) => !body.includes("\u0000"), "A comment must not contain NUL characters");

export const ZCommentTargetSchema = z.strictObject({
  type: z.enum(COMMENT_TARGET_TYPES, { error: `target.type must be one of ${COMMENT_TARGET_TYPES.join(", ")}` }),
  id: ZIdSchema,
});

/** POST …/comments: a new thread on `target`, or with `parentId` a reply in that thread. */
export const ZCreateCommentSchema = z.strictObject({
  target: ZCommentTargetSchema,
  body: ZCommentBodySchema,
  parentId: ZIdSchema.optional(),
});
export type TCreateComment = z.infer<typeof ZCreateCommentSchema>;

/** PATCH …/comments/:id. */
export const ZUpdateCommentSchema = z.strictObject({ version: ZVersionSchema, body: ZCommentBodySchema });
export type TUpdateComment = z.infer<typeof ZUpdateCommentSchema>;

/** DELETE …/comments/:id. */
export const ZDeleteCommentSchema = z.strictObject({ version: ZVersionSchema });

/** POST …/comments/:id/resolve: resolve (`true`) or reopen (`false`) a thread. */
export const ZResolveCommentSchema = z.strictObject({
  version: ZVersionSchema,
  resolved: z.boolean({ error: "resolved must be true (resolve the thread) or false (reopen it)" }),
});
export type TResolveComment = z.infer<typeof ZResolveCommentSchema>;

/** `?claimId=` or `?excerptId=` or `?evidenceId=` of GET …/comments: exactly one. */
export const ZCommentQuerySchema = z
  .strictObject({ claimId: ZIdSchema.optional(), excerptId: ZIdSchema.optional(), evidenceId: ZIdSchema.optional() })
  .refine((q) => [q.claimId, q.excerptId, q.evidenceId].filter(Boolean).length === 1, {
    message: "Name exactly one target: ?claimId=, ?excerptId= or ?evidenceId=",
  })
  .transform((q): TCommentTarget => (q.claimId ? { type: "claim", id: q.claimId } : q.excerptId ? { type: "excerpt", id: q.excerptId } : { type: "evidence", id: q.evidenceId! }));
