import { z } from "zod";
import { ZClaimTextSchema, ZLinkRelationSchema, ZTagsSchema, ZVersionSchema } from "./fields";
import { ZIdSchema } from "./params";

export const ZCreateClaimSchema = z.strictObject({
  text: ZClaimTextSchema,
  tags: ZTagsSchema.optional(),
  /** Place the claim after this one; at the end when absent. */
  after: ZIdSchema.optional(),
});
export type TCreateClaim = z.infer<typeof ZCreateClaimSchema>;

export const ZUpdateClaimSchema = z
  .strictObject({ version: ZVersionSchema, text: ZClaimTextSchema.optional(), tags: ZTagsSchema.optional() })
  .refine((v) => v.text !== undefined || v.tags !== undefined, { message: "Send text or tags to change" });
export type TUpdateClaim = z.infer<typeof ZUpdateClaimSchema>;

/** A DELETE names the version it was based on, like every edit: 409 when someone changed it since. */
export const ZDeleteSchema = z.strictObject({ version: ZVersionSchema });

export const ZReorderClaimsSchema = z.strictObject({ order: z.array(ZIdSchema).min(1).max(10_000) });

export const ZCreateLinkSchema = z.strictObject({ from: ZIdSchema, to: ZIdSchema, relation: ZLinkRelationSchema });
